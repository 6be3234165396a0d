package org.riskmonitor.yearlycatalogue;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Prefills the draft when the coordinator's task is created: what was drafted before, if the expert
 * sent it back or the manager returned it (with their words); otherwise the kinds proposed from the
 * round's topics and, for a revision, from the catalogue in force.
 */
@Component("catalogueDraftPreparation")
public class CatalogueDraftPreparation implements TaskListener {

  private final CatalogueDrafts drafts;
  private final CatalogueRoundMapper mapper;

  public CatalogueDraftPreparation(CatalogueDrafts drafts, CatalogueRoundMapper mapper) {
    this.drafts = drafts;
    this.mapper = mapper;
  }

  @Override
  public void notify(DelegateTask task) {
    int year = CatalogueDrafts.yearOf(task);
    CatalogueVersion version = drafts.versionInWork(year);
    List<CatalogueEntry> drafted = mapper.entries(version.id());
    task.setVariable("versionId", version.id());
    task.setVariable("catalogueKinds", drafts.editableRows(drafted.isEmpty() ? drafts.proposed(year) : drafted));
    task.setVariable("draftHeading", drafts.heading(version));
    task.setVariable("draftNotes", notes(version));
  }

  /** Why the draft is back with the coordinator: the expert's and the manager's latest words. */
  private static String notes(CatalogueVersion version) {
    StringBuilder notes = new StringBuilder();
    if (Boolean.FALSE.equals(version.expertAgrees()) && version.reviewOpinion() != null) {
      notes.append("**专家退回意见 Sent back by the expert (").append(version.reviewedBy()).append(")：** ")
          .append(version.reviewOpinion());
    }
    if (version.managerComment() != null) {
      notes.append(notes.isEmpty() ? "" : "\n\n").append("**管理者退回意见 Returned by the manager：** ")
          .append(version.managerComment());
    }
    return notes.isEmpty() ? "本版尚未评审 Not reviewed yet" : notes.toString();
  }
}
