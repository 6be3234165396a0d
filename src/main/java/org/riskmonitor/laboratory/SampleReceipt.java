package org.riskmonitor.laboratory;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Component;

/** The lab receives the sample, or rejects it with a reason (form {@code receive-sample}). */
@Component("sampleReceipt")
public class SampleReceipt implements TaskListener {

  enum Decision { ACCEPTED, REJECTED }

  private final FormDefinitions forms;
  private final MonitoringCases cases;
  private final LabMapper mapper;
  private final CurrentUser currentUser;
  private final DueDates dueDates;
  private final RegulatorClock clock;

  public SampleReceipt(FormDefinitions forms, MonitoringCases cases, LabMapper mapper, CurrentUser currentUser, DueDates dueDates,
                       RegulatorClock clock) {
    this.forms = forms;
    this.cases = cases;
    this.mapper = mapper;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    record(task, form, form.choice("receiptDecision", Decision.class));
  }

  /**
   * The same record when the lab's LIMS reports the receipt: its values are checked against the
   * form's fields; the decision is the way the LIMS reported it (completed, or a BPMN error).
   */
  void recordFromLims(VariableScope step, Decision decision) {
    record(step, forms.submission(step, "receive-sample"), decision);
  }

  private void record(VariableScope step, SubmittedForm form, Decision decision) {
    String condition = form.text("sampleCondition");
    LocalDate receivedOn = form.dateNotAfter("receivedOn", dueDates.today());
    String reason = form.textRequiredWhen(decision == Decision.REJECTED, "rejectionReason");
    form.verify();

    boolean accepted = decision == Decision.ACCEPTED;
    GeneratedId key = new GeneratedId();
    mapper.insertReceipt(new LabReceipt(cases.idOf(step), ((Number) step.getVariable("testedSampleId")).longValue(),
        ((Number) step.getVariable("testLabId")).longValue(), accepted, condition, receivedOn,
        accepted ? null : reason, currentUser.id(), clock.now()), key);
    step.setVariable("receiptId", key.getId());
    step.setVariable("sampleAccepted", accepted);
  }
}
