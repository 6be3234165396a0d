package org.riskmonitor.remediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.riskmonitor.cases.MonitoringCases;
import org.springframework.stereotype.Component;

/** The correction deadline passed without sufficient evidence: the case goes to public announcement. */
@Component("missedCorrectionDeadline")
public class MissedCorrectionDeadline implements JavaDelegate {

  private final RemediationOrders orders;
  private final MonitoringCases cases;

  public MissedCorrectionDeadline(RemediationOrders orders, MonitoringCases cases) {
    this.orders = orders;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("announcementReason", "逾期未完成整改 Correction deadline missed: "
        + orders.of(cases.idOf(execution)).correctionDeadlineText());
  }
}
