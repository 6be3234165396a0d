package org.riskmonitor.response;

import java.util.Map;
import org.riskmonitor.audit.AuditTrail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.officialdocument.OfficialDocument;
import org.riskmonitor.officialdocument.OfficialDocumentKind;
import org.riskmonitor.officialdocument.OfficialDocuments;
import org.riskmonitor.remediation.RemediationOrder;
import org.riskmonitor.remediation.RemediationOrders;
import org.springframework.stereotype.Component;

/**
 * Risk notice to the enterprise with the order to stop and correct (two official documents): starts
 * the correction clock (60 days) and the re-inspection deadline (day 75).
 */
@Component("riskNotice")
public class RiskNotice implements JavaDelegate {

  private final AuditTrail audit;
  private final RiskMeasures measures;
  private final RemediationOrders remediation;
  private final OfficialDocuments documents;
  private final MonitoringCases cases;

  public RiskNotice(AuditTrail audit, RiskMeasures measures, RemediationOrders remediation, OfficialDocuments documents,
                    MonitoringCases cases) {
    this.audit = audit;
    this.measures = measures;
    this.remediation = remediation;
    this.documents = documents;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = cases.idOf(execution);
    RemediationOrder order = remediation.order(caseId, execution);
    Map<String, String> deadlines = Map.of("correctionDeadline", OfficialDocuments.deadline(order.correctionDeadline()),
        "reinspectionDeadline", OfficialDocuments.deadline(order.reinspectionDeadline()));
    OfficialDocument notice = documents.issue(execution, OfficialDocumentKind.RISK_NOTICE, deadlines);
    OfficialDocument orderIssued = documents.issue(execution, OfficialDocumentKind.REMEDIATION_ORDER, deadlines);
    measures.record(caseId, RiskMeasure.Kind.RISK_NOTICE, "ISSUED", "风险告知 Risk notice",
        "风险告知书 Risk notice " + notice.docNumber() + "；责令整改通知书 Remediation order " + orderIssued.docNumber()
            + "：整改期限 correct by " + order.correctionDeadlineText() + "，复查期限 re-inspection by "
            + order.reinspectionDeadlineText(), notice.docNumber(), CurrentUser.SYSTEM);
    audit.record(caseId, "risk-notice", CurrentUser.SYSTEM, Map.of("correctionDeadline", order.correctionDeadlineText(),
        "reinspectionDeadline", order.reinspectionDeadlineText()));
  }
}
