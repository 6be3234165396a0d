package org.riskmonitor.sampling;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.riskmonitor.assignment.AssignmentOptions;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.checklist.OnSiteChecks;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.laboratory.Lab;
import org.springframework.stereotype.Component;

/** Coordinator assigns the sampler and the lab (form {@code assign-sampling}); the sampler gets the on-site checklist. */
@Component("samplingAssignment")
public class SamplingAssignment implements TaskListener {

  private final FormDefinitions forms;
  private final MonitoringCases cases;
  private final AssignmentOptions options;
  private final OnSiteChecks onSiteChecks;

  public SamplingAssignment(FormDefinitions forms, MonitoringCases cases, AssignmentOptions options,
                            OnSiteChecks onSiteChecks) {
    this.forms = forms;
    this.cases = cases;
    this.options = options;
    this.onSiteChecks = onSiteChecks;
  }

  @Override
  public void notify(DelegateTask task) {
    MonitoringCase monitoringCase = cases.of(task);
    SubmittedForm form = forms.submission(task);
    List<Lab> labs = options.eligibleLabs(monitoringCase, null);
    String samplerId = form.oneOf("samplerId",
        options.samplers().stream().map(User::getId).toList());
    String labId = form.oneOf("labId", labs.stream().map(lab -> String.valueOf(lab.id())).toList());
    form.verify();

    Lab lab = labs.stream().filter(l -> String.valueOf(l.id()).equals(labId)).findFirst().orElseThrow();
    cases.assignSampling(monitoringCase.id(), samplerId, lab.id());
    // the sampling starts here: the case is given its product kind's checklist version in force now
    onSiteChecks.openFor(monitoringCase.id(), monitoringCase.productKind(), samplerId);
    task.setVariable("samplerId", samplerId);
    task.setVariable("labId", lab.id());
    task.setVariable("labGroup", lab.groupId());
  }
}
