package org.riskmonitor.yearlycatalogue;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.input.FormRefusal;
import org.springframework.stereotype.Component;

/**
 * The manager's decision (form {@code approve-catalogue}): approved, the version is in force and
 * never changes again; returned, with a comment, it goes back to the coordinator.
 */
@Component("catalogueApproval")
public class CatalogueApproval implements TaskListener {

  private final FormDefinitions forms;
  private final CatalogueRoundMapper mapper;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public CatalogueApproval(FormDefinitions forms, CatalogueRoundMapper mapper, CurrentUser currentUser,
                           RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    ApprovalDecision decision = form.choice("approvalDecision", ApprovalDecision.class);
    String comment = decision == ApprovalDecision.RETURN ? form.textRequiredWhen(true, "managerComment")
        : form.optionalText("managerComment");
    form.verify();
    boolean approved = decision == ApprovalDecision.APPROVE;
    long versionId = ((Number) task.getVariable("versionId")).longValue();
    int changed = approved ? mapper.approved(versionId, currentUser.id(), clock.now(), comment)
        : mapper.returned(versionId, comment);
    if (changed != 1) {
      throw new FormRefusal("该版本不在待批准状态 This version is not awaiting approval");
    }
    task.setVariable("catalogueApproved", approved);
  }
}
