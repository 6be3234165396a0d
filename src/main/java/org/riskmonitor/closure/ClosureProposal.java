package org.riskmonitor.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Works out the outcome from the path the case took, for the coordinator to confirm. */
@Component("closureProposal")
public class ClosureProposal implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Outcome outcome;
    if (Boolean.TRUE.equals(execution.getVariable("announcementPublished"))) {
      outcome = Outcome.ANNOUNCED;
    } else if ("OVERTURNED".equals(execution.getVariable("objectionOutcome"))) {
      outcome = Outcome.OBJECTION_UPHELD;
    } else if (execution.getVariable("resultNoticeId") != null && execution.getVariable("objectionOutcome") == null) {
      outcome = Outcome.CONFORMING;
    } else {
      outcome = Outcome.REMEDIATED;
    }
    execution.setVariable("closureOutcome", outcome.name());
  }
}
