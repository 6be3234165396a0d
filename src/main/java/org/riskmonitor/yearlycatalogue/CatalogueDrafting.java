package org.riskmonitor.yearlycatalogue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.catalogue.ProductKind;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.proposal.FocusGroup;
import org.springframework.stereotype.Component;

/**
 * The coordinator's draft (form {@code draft-catalogue}): at least one kind, each a kind of the
 * reference catalogue listed once, with its focus group, risk reasons and reason for inclusion. The
 * backing count is the round's, whatever the form sent. The version goes to the experts.
 */
@Component("catalogueDrafting")
public class CatalogueDrafting implements TaskListener {

  /** More than every reference kind would be a list nobody can review. */
  static final int MAX_KINDS = 50;

  private final FormDefinitions forms;
  private final CatalogueRoundMapper mapper;
  private final CatalogueDrafts drafts;
  private final Catalogue catalogue;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public CatalogueDrafting(FormDefinitions forms, CatalogueRoundMapper mapper, CatalogueDrafts drafts,
                           Catalogue catalogue, CurrentUser currentUser, RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.drafts = drafts;
    this.catalogue = catalogue;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    int year = CatalogueDrafts.yearOf(task);
    Map<String, Integer> backing = drafts.backingByKind(year);
    List<String> kinds = catalogue.kinds().stream().map(ProductKind::code).toList();
    Set<String> listed = new HashSet<>();
    List<CatalogueEntry> entries = form.rows("catalogueKinds", 1, MAX_KINDS, row -> {
      String kind = row.oneOf("productKind", kinds);
      FocusGroup focusGroup = row.choice("focusGroup", FocusGroup.class);
      String riskReasons = row.text("riskReasons");
      String inclusionReason = row.text("inclusionReason");
      row.refuseIf(kind != null && !listed.add(kind), "产品类别重复 The product kind is listed twice");
      return kind == null || focusGroup == null || riskReasons == null || inclusionReason == null ? null
          : new CatalogueEntry(kind, focusGroup, riskReasons, inclusionReason, backing.getOrDefault(kind, 0));
    });
    form.verify();

    long versionId = ((Number) task.getVariable("versionId")).longValue();
    mapper.clearEntries(versionId);
    for (int i = 0; i < entries.size(); i++) {
      mapper.insertEntry(versionId, i + 1, entries.get(i));
    }
    if (mapper.drafted(versionId, currentUser.id(), clock.now()) != 1) {
      throw new FormRefusal("该版本已提交或已批准 This version was submitted or approved already");
    }
  }
}
