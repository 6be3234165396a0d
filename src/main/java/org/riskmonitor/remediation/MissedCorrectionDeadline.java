package org.riskmonitor.remediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The correction deadline passed without sufficient evidence: the case goes to public announcement. */
@Component("missedCorrectionDeadline")
public class MissedCorrectionDeadline implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("announcementReason", "逾期未完成整改 Correction deadline missed: "
        + execution.getVariable("correctionDeadlineText"));
  }
}
