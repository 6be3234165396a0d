package org.riskmonitor.publication;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.input.FormRefusal;
import org.springframework.stereotype.Component;

/** The manager approves the item for publication or rejects it, with a reason (form {@code approve-publication}). */
@Component("publicationApproval")
public class PublicationApproval implements TaskListener {

  enum Decision { APPROVED, REJECTED }

  private final FormDefinitions forms;
  private final Publications publications;
  private final CurrentUser currentUser;

  public PublicationApproval(FormDefinitions forms, Publications publications, CurrentUser currentUser) {
    this.forms = forms;
    this.publications = publications;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    Decision decision = form.choice("publicationDecision", Decision.class);
    String reason = form.textRequiredWhen(decision == Decision.REJECTED, "publicationRejectionReason");
    form.verify();
    if (!publications.decide((String) task.getVariable("publicNumber"), decision == Decision.APPROVED,
        currentUser.id(), decision == Decision.REJECTED ? reason : null)) {
      throw new FormRefusal("该公开事项已审批 The item was already decided");
    }
    task.setVariable("publicationApproved", decision == Decision.APPROVED);
  }
}
