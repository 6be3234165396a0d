package org.riskmonitor.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * A manager approves the reviewed plan (form {@code approve-plan}), which is then in force until
 * the end of its year, or returns it to the coordinator with a comment.
 */
@Component("planApproval")
public class PlanApproval implements TaskListener {

  private final FormDefinitions forms;
  private final MonitoringPlans plans;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public PlanApproval(FormDefinitions forms, MonitoringPlans plans, CurrentUser currentUser, RegulatorClock clock) {
    this.forms = forms;
    this.plans = plans;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    ApprovalDecision decision = form.choice("approvalDecision", ApprovalDecision.class);
    String comment = form.textRequiredWhen(decision == ApprovalDecision.RETURN, "approvalComment");
    form.verify();
    long planId = ((Number) task.getVariable(MonitoringPlans.PLAN_ID)).longValue();
    boolean approved = decision == ApprovalDecision.APPROVE;
    if (approved) {
      plans.approve(planId, currentUser.id());
      task.setVariable("planPeriodEnd", clock.date(plans.periodEnd(plans.plan(planId))));
    }
    task.setVariable("planApproved", approved);
    task.setVariable("approvalCommentText", comment == null ? "" : comment);
  }
}
