package org.riskmonitor.remediation;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/** The enterprise confirms it stopped, and plans the correction (form {@code submit-remediation-plan}). */
@Component("remediationPlanSubmission")
public class RemediationPlanSubmission implements TaskListener {

  private final FormDefinitions forms;
  private final RemediationMapper mapper;
  private final MonitoringCases cases;
  private final CurrentUser currentUser;
  private final DueDates dueDates;
  private final RegulatorClock clock;

  public RemediationPlanSubmission(FormDefinitions forms, RemediationMapper mapper, MonitoringCases cases, CurrentUser currentUser, DueDates dueDates,
                                   RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.cases = cases;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long caseId = cases.idOf(task);
    RemediationOrder order = mapper.findOrder(caseId);
    SubmittedForm form = forms.submission(task);
    form.ticked("stopSaleConfirmed");
    String plan = form.text("remediationPlan");
    LocalDate completion = form.dateNotAfter("plannedCompletionDate",
        order.correctionDeadline().toLocalDate());
    form.refuseIf(completion != null && completion.isBefore(dueDates.today()),
        form.label("plannedCompletionDate") + "：不得早于今天 cannot be in the past");
    form.verify();
    mapper.submitPlan(caseId, plan, completion, currentUser.id(), clock.now());
  }
}
