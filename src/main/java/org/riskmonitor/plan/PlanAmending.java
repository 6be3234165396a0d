package org.riskmonitor.plan;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * A manager amends one line of the plan in force (form {@code amend-plan}): its batches (never
 * fewer than the cases already opened from it) and its end (not before today, within the plan
 * year), with the reason, which is kept.
 */
@Component("planAmending")
public class PlanAmending implements TaskListener {

  private final FormDefinitions forms;
  private final MonitoringPlans plans;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public PlanAmending(FormDefinitions forms, MonitoringPlans plans, CurrentUser currentUser, RegulatorClock clock) {
    this.forms = forms;
    this.plans = plans;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long planId = ((Number) task.getVariable(MonitoringPlans.PLAN_ID)).longValue();
    MonitoringPlan plan = plans.plan(planId);
    SubmittedForm form = forms.submission(task);
    String lineId = form.oneOf("amendLineId", plans.lines(planId).stream().map(line -> String.valueOf(line.id())).toList());
    Integer batches = form.wholeNumber("newBatches");
    LocalDate yearEnd = LocalDate.of(plan.planYear(), 12, 31);
    LocalDate today = clock.today();
    LocalDate periodTo = form.dateNotBefore("newPeriodTo", today);
    form.refuseIf(periodTo != null && periodTo.isAfter(yearEnd), form.label("newPeriodTo") + "：不得晚于计划年度末 "
        + yearEnd + " must not be after the end of the plan year");
    String reason = form.text("amendmentReason");
    if (lineId != null && batches != null) {
      PlanLine line = plans.line(Long.parseLong(lineId));
      form.refuseIf(batches < line.casesOpened(), form.label("newBatches") + "：不得少于已开案数 " + line.casesOpened()
          + " may not be fewer than the cases already opened");
      form.refuseIf(periodTo != null && periodTo.isBefore(line.periodFrom()), form.label("newPeriodTo") + "：不得早于抽样期起 "
          + line.periodFrom() + " must not be before the line's period starts");
    }
    form.verify();
    PlanAmendment amendment = plans.amend(planId, Long.parseLong(lineId), batches, periodTo, reason, currentUser.id());
    task.setVariable("planVersion", amendment.planVersion());
  }
}
