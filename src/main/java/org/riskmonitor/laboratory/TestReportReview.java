package org.riskmonitor.laboratory;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * A second person of the lab approves the report or returns it to the tester
 * (form {@code review-report}). Nobody reviews their own report.
 */
@Component("testReportReview")
public class TestReportReview implements TaskListener {

  enum Decision { APPROVED, RETURNED }

  private final FormDefinitions forms;
  private final LabMapper mapper;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public TestReportReview(FormDefinitions forms, LabMapper mapper, CurrentUser currentUser, RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    Decision decision = form.choice("reviewDecision", Decision.class);
    String comment = form.textRequiredWhen(decision == Decision.RETURNED, "reviewComment");
    form.verify();

    long reportId = ((Number) task.getVariable("reportId")).longValue();
    TestReport report = mapper.findReport(reportId);
    String reviewer = currentUser.id();
    if (reviewer.equals(report.testedBy())) {
      throw new FormRefusal("审核人不能是检验人 The reviewer must not be the tester (" + reviewer + ")");
    }
    if (mapper.review(reportId, decision.name(), reviewer, clock.now(), comment) != 1) {
      throw new FormRefusal("报告已审核 The report was already reviewed");
    }
    task.setVariable("reportApproved", decision == Decision.APPROVED);
    // The next review starts blank rather than showing this decision.
    task.removeVariable("reviewDecision");
    task.removeVariable("reviewComment");
  }
}
