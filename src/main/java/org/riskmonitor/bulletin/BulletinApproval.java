package org.riskmonitor.bulletin;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.input.FormRefusal;
import org.springframework.stereotype.Component;

/** The manager approves the bulletin for issue and publication, or returns it to the expert with a reason (form {@code approve-bulletin}). */
@Component("bulletinApproval")
public class BulletinApproval implements TaskListener {

  enum Decision { APPROVE, RETURN }

  private final FormDefinitions forms;
  private final Bulletins bulletins;
  private final CurrentUser currentUser;

  public BulletinApproval(FormDefinitions forms, Bulletins bulletins, CurrentUser currentUser) {
    this.forms = forms;
    this.bulletins = bulletins;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    Decision decision = form.choice("bulletinDecision", Decision.class);
    String reason = form.textRequiredWhen(decision == Decision.RETURN, "bulletinReturnReason");
    form.verify();
    long id = ((Number) task.getVariable(Bulletins.BULLETIN_ID)).longValue();
    boolean done = decision == Decision.APPROVE ? bulletins.approve(id, currentUser.id()) : bulletins.sendBack(id, reason);
    if (!done) {
      throw new FormRefusal("该专刊已审批 The bulletin was already decided");
    }
    task.setVariable("bulletinApproved", decision == Decision.APPROVE);
  }
}
