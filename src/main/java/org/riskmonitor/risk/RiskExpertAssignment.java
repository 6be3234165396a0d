package org.riskmonitor.risk;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.cases.AssignmentOptions;
import org.riskmonitor.cases.CaseFiles;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.expert.Expert;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/** Coordinator names the expert who assesses risk and analyses causes (form {@code assign-expert}). */
@Component("riskExpertAssignment")
public class RiskExpertAssignment implements TaskListener {

  private final FormDefinitions forms;
  private final CaseFiles cases;
  private final AssignmentOptions options;

  public RiskExpertAssignment(FormDefinitions forms, CaseFiles cases, AssignmentOptions options) {
    this.forms = forms;
    this.cases = cases;
    this.options = options;
  }

  @Override
  public void notify(DelegateTask task) {
    MonitoringCase monitoringCase = cases.of(task);
    SubmittedForm form = forms.submission(task);
    String expertId = form.oneOf("expertId",
        options.eligibleExperts(monitoringCase).stream().map(Expert::userId).toList());
    form.verify();
    cases.assignExpert(monitoringCase.id(), expertId);
    task.setVariable("expertName", options.eligibleExperts(monitoringCase).stream()
        .filter(e -> e.userId().equals(expertId)).findFirst().orElseThrow().name());
  }
}
