package org.riskmonitor.remediation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.assistance.Problem;
import org.riskmonitor.assistance.Problems;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * The expert checks the evidence (form {@code verify-remediation}). Sufficient only when every
 * problem found on the visit is solved; otherwise the enterprise submits evidence again.
 */
@Component("remediationVerification")
public class RemediationVerification implements TaskListener {

  enum Verdict { SUFFICIENT, INSUFFICIENT }

  private final FormDefinitions forms;
  private final RemediationMapper mapper;
  private final Problems problems;
  private final MonitoringCases cases;
  private final CurrentUser currentUser;
  private final DueDates dueDates;
  private final RegulatorClock clock;

  public RemediationVerification(FormDefinitions forms, RemediationMapper mapper, Problems problems, MonitoringCases cases, CurrentUser currentUser,
                                 DueDates dueDates, RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.problems = problems;
    this.cases = cases;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long caseId = cases.idOf(task);
    List<Problem> open = problems.ofCase(caseId).stream().filter(p -> p.solvedOn() == null).toList();
    Set<String> openIds = new HashSet<>(open.stream().map(p -> String.valueOf(p.id())).toList());
    SubmittedForm form = forms.submission(task);
    Verdict verdict = form.choice("verificationVerdict", Verdict.class);
    String comment = form.text("verificationComment");
    List<String> solved = form.strings("solvedProblems");
    Set<String> allSolved = new HashSet<>(problems.ofCase(caseId).stream()
        .filter(p -> p.solvedOn() != null).map(p -> String.valueOf(p.id())).toList());
    allSolved.addAll(solved);
    form.refuseIf(!solved.stream().allMatch(id -> openIds.contains(id) || allSolved.contains(id)),
        "已解决的问题 Problems solved：不是本案的问题 not a problem of this case");
    form.refuseIf(verdict == Verdict.SUFFICIENT && !allSolved.containsAll(openIds),
        "整改到位须所有问题均已解决 Sufficient only when every problem is solved");
    form.verify();

    long evidenceId = ((Number) task.getVariable("evidenceId")).longValue();
    String expert = currentUser.id();
    if (mapper.verify(evidenceId, verdict.name(), comment, expert, clock.now()) != 1) {
      throw new FormRefusal("整改证据已核查 The evidence was already verified");
    }
    problems.markSolved(caseId, solved.stream().filter(openIds::contains).map(Long::valueOf).toList(),
        dueDates.today(), expert);
    task.setVariable("evidenceSufficient", verdict == Verdict.SUFFICIENT);
    // evidence sent back is verified afresh
    task.removeVariable("verificationVerdict");
  }
}
