package org.riskmonitor.laboratory;

import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.document.StepDocuments;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.catalogue.StandardItem;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Component;

/**
 * The tester's report (form {@code test-report}). Only the measured values and verdicts are
 * taken from the form; the items themselves are the server's list, so a forged row is refused.
 * Any failed item makes the batch nonconforming.
 */
@Component("testReportSubmission")
public class TestReportSubmission implements TaskListener {

  private final StepDocuments documents;
  private final FormDefinitions forms;
  private final MonitoringCases cases;
  private final LabMapper mapper;
  private final TestItemsPreparation preparation;
  private final CurrentUser currentUser;
  private final DueDates dueDates;
  private final RegulatorClock clock;

  public TestReportSubmission(StepDocuments documents, FormDefinitions forms, MonitoringCases cases, LabMapper mapper, TestItemsPreparation preparation,
                              CurrentUser currentUser, DueDates dueDates, RegulatorClock clock) {
    this.documents = documents;
    this.forms = forms;
    this.cases = cases;
    this.mapper = mapper;
    this.preparation = preparation;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
    this.clock = clock;
  }

  /** What a report says, read and checked the same way from the form and from a LIMS. */
  record Reading(String reportNumber, LocalDate testedOn, List<TestItemResult> items) {

    boolean conforming() {
      return items.stream().allMatch(TestItemResult::passed);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    Reading reading = read(task, form);
    documents.check(task, form);
    form.verify();

    long reportId = insert(task, reading, currentUser.id(), "SUBMITTED", null);
    task.setVariable("reportId", reportId);
    task.setVariable("previousReportNumber", reading.reportNumber());
    task.setVariable("nonconforming", !reading.conforming());
  }

  /**
   * The report number, date and items of a report, checked against the items of the standard
   * editions in force; problems are left in {@code form} for the caller's {@code verify()}.
   */
  Reading read(VariableScope step, SubmittedForm form) {
    List<StandardItem> expected = preparation.itemsFor(step);
    String reportNumber = form.text("reportNumber");
    LocalDate testedOn = form.dateNotAfter("testedOn", dueDates.today());
    List<TestItemResult> items = form.rows("testItems", expected.size(), expected.size(), row -> {
      String itemNo = row.text("itemNo");
      int index = itemNo != null && itemNo.matches("\\d{1,3}") ? Integer.parseInt(itemNo) : 0;
      StandardItem item = index >= 1 && index <= expected.size() ? expected.get(index - 1) : null;
      String standardCode = row.text("standardCode");
      String clause = row.text("clause");
      String requirement = row.text("requirement");
      row.refuseIf(item == null || !item.standardCode().equals(standardCode) || !item.clause().equals(clause)
          || !item.requirement().equals(requirement), "检验项目与标准不符 item does not match the standard");
      String measured = row.text("measuredValue");
      String verdict = row.oneOf("verdict", Set.of("PASS", "FAIL"));
      if (item == null || measured == null || verdict == null) {
        return null;
      }
      return new TestItemResult(index, item.standardCode(), item.clause(), item.requirement(), measured,
          "PASS".equals(verdict));
    });
    form.refuseIf(reportNumber != null && mapper.countReportNumber(reportNumber) > 0
            && !reportNumber.equals(step.getVariable("previousReportNumber")),
        "报告编号已被使用 Report number already used: " + reportNumber);
    // a row the form refused is null; its problem is already reported
    List<TestItemResult> readable = items.stream().filter(Objects::nonNull).toList();
    form.refuseIf(readable.stream().map(TestItemResult::itemNo).distinct().count() != readable.size(),
        "检验项目重复 Test items repeated");
    return new Reading(reportNumber, testedOn, readable);
  }

  /** Records a checked report and its items; its id. */
  long insert(VariableScope step, Reading reading, String testedBy, String status, String reviewedBy) {
    GeneratedId key = new GeneratedId();
    mapper.insertReport(new TestReport(null, cases.idOf(step), ((Number) step.getVariable("receiptId")).longValue(),
        ((Number) step.getVariable("testLabId")).longValue(), (String) step.getVariable("testPurpose"),
        reading.reportNumber(), reading.testedOn(), testedBy, reading.conforming(), status, reviewedBy,
        reviewedBy == null ? null : clock.now(), null, clock.now()), key);
    reading.items().forEach(item -> mapper.insertItem(key.getId(), item));
    return key.getId();
  }
}
