package org.riskmonitor.objection;

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
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.persistence.GeneratedId;
import org.riskmonitor.officialdocument.OfficialDocumentKind;
import org.riskmonitor.officialdocument.OfficialDocuments;
import org.springframework.stereotype.Service;

/**
 * Written notice of the test result to the enterprise (an official document, see
 * {@link OfficialDocumentKind#RESULT_NOTICE}). A nonconforming result opens the
 * objection window (15 days by default, Product Quality Law art. 15).
 */
@Service
public class ResultNotices {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final AuditTrail audit;
  private final ObjectionMapper mapper;
  private final MonitoringCases cases;
  private final OfficialDocuments documents;
  private final DueDates dueDates;
  private final DeadlineRules rules;
  private final RegulatorClock clock;

  public ResultNotices(AuditTrail audit, ObjectionMapper mapper, MonitoringCases cases, OfficialDocuments documents,
                       DueDates dueDates, DeadlineRules rules, RegulatorClock clock) {
    this.audit = audit;
    this.mapper = mapper;
    this.cases = cases;
    this.documents = documents;
    this.dueDates = dueDates;
    this.rules = rules;
    this.clock = clock;
  }

  public void issue(DelegateExecution execution, boolean conforming) {
    long caseId = cases.idOf(execution);
    long reportId = ((Number) execution.getVariable("reportId")).longValue();
    LocalDateTime now = clock.now();
    Date deadline = conforming ? null : dueDates.calendarDays(rules.objectionDays());
    LocalDateTime deadlineTime = deadline == null ? null : clock.local(deadline);
    GeneratedId key = new GeneratedId();
    mapper.insertNotice(caseId, reportId, conforming, now, deadlineTime, key);

    if (!conforming) {
      execution.setVariable("objectionDeadline", deadline);
    }
    documents.issue(execution, OfficialDocumentKind.RESULT_NOTICE,
        conforming ? Map.of() : Map.of("objectionDeadline", OfficialDocuments.deadline(deadlineTime)));
    execution.setVariable("resultNoticeId", key.getId());
    audit.record(caseId, conforming ? "conformity-notice" : "nonconformity-notice", CurrentUser.SYSTEM,
        Map.of("reportId", reportId, "objectionDeadline", deadlineTime == null ? "" : deadlineTime.format(DAY)));
  }
}
