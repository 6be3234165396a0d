package org.riskmonitor.laboratory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.riskmonitor.laboratory.SampleReceipt.Decision;
import org.springframework.stereotype.Component;

/**
 * A connected lab's LIMS reports the sample's arrival: completing the external task accepts it,
 * the BPMN error {@link LimsTopics#SAMPLE_REJECTED} rejects it. Either way the receipt is recorded
 * and checked as the {@code receive-sample} form's would be; a refusal rolls the call back and the
 * task stays with the lab. Runs on the flow the report takes, so a cancelled case records nothing.
 */
@Component("limsReceipt")
public class LimsReceipt implements ExecutionListener {

  private final SampleReceipt receipt;

  public LimsReceipt(SampleReceipt receipt) {
    this.receipt = receipt;
  }

  @Override
  public void notify(DelegateExecution execution) {
    boolean rejected = "Flow_LimsSampleRejected".equals(execution.getCurrentTransitionId());
    Decision decision = rejected ? Decision.REJECTED : Decision.ACCEPTED;
    // the form asks for the decision; for a LIMS it is the way it answered
    execution.setVariable("receiptDecision", decision.name());
    receipt.recordFromLims(execution, decision);
  }
}
