package org.riskmonitor.objection;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.assignment.AssignmentOptions;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.laboratory.Lab;
import org.springframework.stereotype.Component;

/**
 * The coordinator accepts or rejects the objection (form {@code decide-objection}). An accepted
 * objection is re-tested on the backup sample in a lab other than the first one.
 */
@Component("objectionDecisionSubmission")
public class ObjectionDecisionSubmission implements TaskListener {

  enum Decision { ACCEPTED, REJECTED }

  private final FormDefinitions forms;
  private final ObjectionMapper mapper;
  private final MonitoringCases cases;
  private final AssignmentOptions options;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public ObjectionDecisionSubmission(FormDefinitions forms, ObjectionMapper mapper, MonitoringCases cases, AssignmentOptions options, CurrentUser currentUser,
                                     RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.cases = cases;
    this.options = options;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    MonitoringCase monitoringCase = cases.of(task);
    List<Lab> otherLabs = options.eligibleLabs(monitoringCase, monitoringCase.labId());
    SubmittedForm form = forms.submission(task);
    Decision decision = form.choice("objectionDecision", Decision.class);
    String reason = form.text("decisionReason");
    boolean accepted = decision == Decision.ACCEPTED;
    String firstLab = String.valueOf(monitoringCase.labId());
    String retestLabId = form.textRequiredWhen(accepted, "retestLabId");
    // the first lab is never offered; naming it anyway gets the rule, not just "not a choice"
    form.refuseIf(firstLab.equals(retestLabId),
        "复检须由另一家检验机构承担 The re-test must be done by a different laboratory");
    Lab retestLab = otherLabs.stream().filter(lab -> String.valueOf(lab.id()).equals(retestLabId)).findFirst().orElse(null);
    form.refuseIf(retestLabId != null && retestLab == null && !firstLab.equals(retestLabId),
        form.label("retestLabId") + "：不是可选的值 not one of the choices");
    form.verify();

    long noticeId = ((Number) task.getVariable("resultNoticeId")).longValue();
    if (mapper.decide(noticeId, decision.name(), reason, currentUser.id(), clock.now(),
        retestLab == null ? null : retestLab.id()) != 1) {
      throw new FormRefusal("异议已审查 The objection was already decided");
    }
    task.setVariable("objectionAccepted", accepted);
    if (retestLab != null) {
      task.setVariable("retestLabId", retestLab.id());
      task.setVariable("retestLabGroup", retestLab.groupId());
    }
  }
}
