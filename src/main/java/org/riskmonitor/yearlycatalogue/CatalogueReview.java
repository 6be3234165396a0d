package org.riskmonitor.yearlycatalogue;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.input.FormRefusal;
import org.springframework.stereotype.Component;

/** The expert's review (form {@code review-catalogue}): agree, to the manager; or send back, to the coordinator. */
@Component("catalogueReview")
public class CatalogueReview implements TaskListener {

  private final FormDefinitions forms;
  private final CatalogueRoundMapper mapper;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public CatalogueReview(FormDefinitions forms, CatalogueRoundMapper mapper, CurrentUser currentUser,
                         RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    ReviewVerdict verdict = form.choice("reviewVerdict", ReviewVerdict.class);
    String opinion = form.text("reviewOpinion");
    form.verify();
    boolean agrees = verdict == ReviewVerdict.AGREE;
    long versionId = ((Number) task.getVariable("versionId")).longValue();
    if (mapper.reviewed(versionId, agrees ? VersionStatus.AWAITING_APPROVAL : VersionStatus.DRAFT, currentUser.id(),
        clock.now(), opinion, agrees) != 1) {
      throw new FormRefusal("该版本不在评审中 This version is not in review");
    }
    task.setVariable("expertAgrees", agrees);
  }
}
