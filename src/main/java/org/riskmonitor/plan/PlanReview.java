package org.riskmonitor.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/** An expert reviews the draft (form {@code review-plan}): agrees, or sends it back with an opinion. */
@Component("planReview")
public class PlanReview implements TaskListener {

  private final FormDefinitions forms;
  private final MonitoringPlans plans;
  private final CurrentUser currentUser;

  public PlanReview(FormDefinitions forms, MonitoringPlans plans, CurrentUser currentUser) {
    this.forms = forms;
    this.plans = plans;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    ReviewDecision decision = form.choice("reviewDecision", ReviewDecision.class);
    String opinion = form.textRequiredWhen(decision == ReviewDecision.SEND_BACK, "reviewOpinion");
    form.verify();
    plans.recordReview(((Number) task.getVariable(MonitoringPlans.PLAN_ID)).longValue(), currentUser.id(), opinion);
    task.setVariable("planAgreed", decision == ReviewDecision.AGREE);
    task.setVariable("reviewOpinionText", opinion == null ? "同意 Agreed" : opinion);
  }
}
