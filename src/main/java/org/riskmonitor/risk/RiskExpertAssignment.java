package org.riskmonitor.risk;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.assignment.AssignmentOptions;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.expert.Expert;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Coordinator names the expert who assesses risk and analyses causes (form {@code assign-expert}),
 * never one who declared a conflict of interest with the case's enterprise.
 */
@Component("riskExpertAssignment")
public class RiskExpertAssignment implements TaskListener {

  private final FormDefinitions forms;
  private final MonitoringCases cases;
  private final AssignmentOptions options;

  public RiskExpertAssignment(FormDefinitions forms, MonitoringCases cases, AssignmentOptions options) {
    this.forms = forms;
    this.cases = cases;
    this.options = options;
  }

  @Override
  public void notify(DelegateTask task) {
    MonitoringCase monitoringCase = cases.of(task);
    SubmittedForm form = forms.submission(task);
    Expert expert = options.chosenExpert(form, "expertId", monitoringCase, true);
    form.verify();
    cases.assignExpert(monitoringCase.id(), expert.userId());
  }
}
