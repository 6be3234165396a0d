package org.riskmonitor.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.riskmonitor.audit.AuditTrail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.document.DocumentStore;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.remediation.RemediationOrder;
import org.riskmonitor.remediation.RemediationOrders;
import org.riskmonitor.summary.CaseSummary;
import org.springframework.stereotype.Component;

/**
 * Risk notice to the enterprise with the order to stop and correct: starts the correction clock
 * (60 days) and the re-inspection deadline (day 75).
 */
@Component("riskNotice")
public class RiskNotice implements JavaDelegate {

  private final AuditTrail audit;
  private final RiskMeasures measures;
  private final RemediationOrders remediation;
  private final DocumentStore documents;
  private final MonitoringCases cases;
  private final CaseSummary summary;

  public RiskNotice(AuditTrail audit, RiskMeasures measures, RemediationOrders remediation, DocumentStore documents,
                    MonitoringCases cases, CaseSummary summary) {
    this.audit = audit;
    this.measures = measures;
    this.remediation = remediation;
    this.documents = documents;
    this.cases = cases;
    this.summary = summary;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = cases.idOf(execution);
    RemediationOrder order = remediation.order(caseId, execution);
    List<String> names = new ArrayList<>(List.of("caseNumber", "productName", "batchNumber", "riskLevelName"));
    names.addAll(CaseSummary.ADDRESSEE);
    Map<String, String> shown = summary.of(execution, names);
    String text = "风险告知及整改通知书 Risk notice and remediation order\n"
        + "案件编号 Case: " + shown.get("caseNumber") + '\n'
        + CaseSummary.addressee(shown)
        + "产品 Product: " + shown.get("productName") + "  批号 Batch: " + shown.get("batchNumber") + '\n'
        + "风险等级 Risk level: " + shown.get("riskLevelName") + '\n'
        + "请立即停止生产、销售不合格产品，并于" + order.correctionDeadlineText() + "前完成整改；"
        + order.reinspectionDeadlineText() + "前将进行复查。\n"
        + "Stop making and selling the nonconforming product at once; correct by " + order.correctionDeadlineText()
        + "; re-inspection by " + order.reinspectionDeadlineText() + ".\n";
    measures.record(caseId, RiskMeasure.Kind.RISK_NOTICE, "ISSUED", "风险告知 Risk notice", text, null, CurrentUser.SYSTEM);
    documents.storeNotice(caseId, "RISK_NOTICE", shown.get("caseNumber") + "-risk-notice.txt", text,
        CurrentUser.SYSTEM);
    audit.record(caseId, "risk-notice", CurrentUser.SYSTEM, Map.of("correctionDeadline", order.correctionDeadlineText(),
        "reinspectionDeadline", order.reinspectionDeadlineText()));
  }
}
