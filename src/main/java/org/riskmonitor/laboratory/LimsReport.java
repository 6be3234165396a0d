package org.riskmonitor.laboratory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.document.CaseDocuments;
import org.riskmonitor.document.DocumentKind;
import org.riskmonitor.document.DocumentRefusal;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.input.TextRules;
import org.riskmonitor.laboratory.TestReportSubmission.Reading;
import org.springframework.stereotype.Component;

/**
 * A connected lab's LIMS reports a tested sample. It offers the items to test when the step
 * starts (variable {@code testItems}, as the form shows them) and, when the LIMS completes the
 * step, checks the report by the form's rules (the standard's items, a report number not yet
 * used) and by the review's (a reviewer who is not the tester), then records it as approved, since
 * the LIMS reviewed it, with its PDF as the case's test report document.
 */
@Component("limsReport")
public class LimsReport implements ExecutionListener {

  static final int MAX_PERSON_LENGTH = 64;

  private final FormDefinitions forms;
  private final TestItemsPreparation preparation;
  private final TestReportSubmission submission;
  private final CaseDocuments documents;
  private final MonitoringCases cases;
  private final CurrentUser currentUser;

  public LimsReport(FormDefinitions forms, TestItemsPreparation preparation, TestReportSubmission submission,
                    CaseDocuments documents, MonitoringCases cases, CurrentUser currentUser) {
    this.forms = forms;
    this.preparation = preparation;
    this.submission = submission;
    this.documents = documents;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (EVENTNAME_START.equals(execution.getEventName())) {
      execution.setVariable("testItems", preparation.itemRows(execution));
      return;
    }
    SubmittedForm form = forms.submission(execution, "test-report");
    Reading reading = submission.read(execution, form);
    String tester = person(execution, form, "testedBy", "检验人 Tester");
    String reviewer = person(execution, form, "reviewedBy", "审核人 Reviewer");
    form.refuseIf(tester != null && tester.equals(reviewer),
        "审核人不能是检验人 The reviewer must not be the tester (" + tester + ")");
    attachReportPdf(execution, form);
    form.verify();

    long reportId = submission.insert(execution, reading, tester, "APPROVED", reviewer);
    // the PDF is a case document now; the variable would only keep a second copy in the engine
    execution.removeVariable("reportPdf");
    execution.setVariable("reportId", reportId);
    execution.setVariable("reportNumber", reading.reportNumber());
    execution.setVariable("nonconforming", !reading.conforming());
    execution.setVariable("reportApproved", true);
  }

  /** The LIMS's name for a person, as text of our rules. */
  private static String person(DelegateExecution execution, SubmittedForm form, String variable, String label) {
    Object raw = execution.getVariable(variable);
    if (!(raw instanceof String name) || name.isBlank()) {
      form.refuseIf(true, label + "（" + variable + "）：必填 required");
      return null;
    }
    String trimmed = name.strip();
    String problem = trimmed.length() > MAX_PERSON_LENGTH
        ? "不得超过" + MAX_PERSON_LENGTH + "个字符 at most " + MAX_PERSON_LENGTH + " characters"
        : TextRules.problem(trimmed);
    form.refuseIf(problem != null, label + "（" + variable + "）：" + problem);
    return problem == null ? trimmed : null;
  }

  /** The report PDF, sent as a file variable, stored as the case's document by the rules of an upload. */
  private void attachReportPdf(DelegateExecution execution, SubmittedForm form) {
    TypedValue value = execution.getVariableTyped("reportPdf");
    if (!(value instanceof FileValue file) || file.getValue() == null) {
      form.refuseIf(true, "检验报告PDF（reportPdf）：请以文件变量发送 required, sent as a File variable");
      return;
    }
    try (InputStream in = file.getValue()) {
      documents.attach(cases.idOf(execution), DocumentKind.TEST_REPORT_PDF.name(), file.getFilename(), in.readAllBytes(),
          currentUser.id());
    } catch (DocumentRefusal refusal) {
      form.refuseIf(true, "检验报告PDF（reportPdf）：" + refusal.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
