package org.riskmonitor.objection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.riskmonitor.audit.AuditTrail;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.riskmonitor.calendar.DeadlineRules;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.document.DocumentStore;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.persistence.GeneratedId;
import org.riskmonitor.summary.CaseSummary;
import org.springframework.stereotype.Service;

/**
 * Written notice of the test result to the enterprise. A nonconforming result opens the
 * objection window (15 days by default, Product Quality Law art. 15).
 */
@Service
public class ResultNotices {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final AuditTrail audit;
  private final ObjectionMapper mapper;
  private final MonitoringCases cases;
  private final DocumentStore documents;
  private final DueDates dueDates;
  private final DeadlineRules rules;
  private final RegulatorClock clock;
  private final CaseSummary summary;

  public ResultNotices(AuditTrail audit, ObjectionMapper mapper, MonitoringCases cases, DocumentStore documents, DueDates dueDates,
                       DeadlineRules rules, RegulatorClock clock, CaseSummary summary) {
    this.audit = audit;
    this.mapper = mapper;
    this.cases = cases;
    this.documents = documents;
    this.dueDates = dueDates;
    this.rules = rules;
    this.clock = clock;
    this.summary = summary;
  }

  public void issue(DelegateExecution execution, boolean conforming) {
    long caseId = cases.idOf(execution);
    long reportId = ((Number) execution.getVariable("reportId")).longValue();
    LocalDateTime now = clock.now();
    Date deadline = conforming ? null : dueDates.calendarDays(rules.objectionDays());
    LocalDateTime deadlineTime = deadline == null ? null : clock.local(deadline);
    GeneratedId key = new GeneratedId();
    mapper.insertNotice(caseId, reportId, conforming, now, deadlineTime, key);

    List<String> names = new ArrayList<>(List.of("caseNumber", "productName", "batchNumber", "reportNumber",
        "testConclusion", "nonconformingItems"));
    names.addAll(CaseSummary.ADDRESSEE);
    Map<String, String> shown = summary.of(execution, names);
    StringBuilder text = new StringBuilder()
        .append("检验结果通知书 Notice of test result\n")
        .append("案件编号 Case: ").append(shown.get("caseNumber")).append('\n')
        .append(CaseSummary.addressee(shown))
        .append("产品 Product: ").append(shown.get("productName"))
        .append("  批号 Batch: ").append(shown.get("batchNumber")).append('\n')
        .append("检验报告 Report: ").append(shown.get("reportNumber")).append('\n')
        .append("结论 Conclusion: ").append(shown.get("testConclusion")).append('\n');
    if (!conforming) {
      text.append("不合格项目 Nonconforming items:\n").append(shown.get("nonconformingItems")).append('\n')
          .append("如有异议，请于").append(deadlineTime.format(DAY)).append("前提出书面复检申请。")
          .append(" Any objection must be raised by ").append(deadlineTime.format(DAY)).append(".\n");
      execution.setVariable("objectionDeadline", deadline);
    }
    documents.storeNotice(caseId, "RESULT_NOTICE", shown.get("caseNumber") + "-result-notice.txt",
        text.toString(), CurrentUser.SYSTEM);
    execution.setVariable("resultNoticeId", key.getId());
    audit.record(caseId, conforming ? "conformity-notice" : "nonconformity-notice", CurrentUser.SYSTEM,
        Map.of("reportId", reportId, "objectionDeadline", deadlineTime == null ? "" : deadlineTime.format(DAY)));
  }
}
