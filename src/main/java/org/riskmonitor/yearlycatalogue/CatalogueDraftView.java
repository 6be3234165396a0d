package org.riskmonitor.yearlycatalogue;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.catalogue.Catalogue;
import org.springframework.stereotype.Component;

/**
 * What the expert's and the manager's forms show of the draft when their task is created, read from
 * our tables: the kinds with their labels, and for the manager the expert's review.
 */
@Component("catalogueDraftView")
public class CatalogueDraftView implements TaskListener {

  private final CatalogueRoundMapper mapper;
  private final CatalogueDrafts drafts;
  private final Catalogue catalogue;

  public CatalogueDraftView(CatalogueRoundMapper mapper, CatalogueDrafts drafts, Catalogue catalogue) {
    this.mapper = mapper;
    this.drafts = drafts;
    this.catalogue = catalogue;
  }

  @Override
  public void notify(DelegateTask task) {
    CatalogueVersion version = mapper.version(((Number) task.getVariable("versionId")).longValue());
    var entries = mapper.entries(version.id());
    int backed = entries.stream().mapToInt(CatalogueEntry::backingProposals).sum();
    task.setVariable("draftHeading", drafts.heading(version));
    task.setVariable("draftSummary", "起草人 Drafted by " + version.draftedBy() + "；" + entries.size()
        + "个产品类别 product kinds；市民建议 citizens' proposals " + backed);
    task.setVariable("draftedKinds", drafts.shownRows(entries));
    task.setVariable("reviewSummary", version.reviewOpinion() == null ? "" : version.reviewedBy() + "："
        + version.reviewOpinion());
  }
}
