package org.riskmonitor.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Keeps the name of the case's current phase in {@code phaseName}, a column of every task list. */
@Component("phaseEntered")
public class PhaseEntered implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.getProcessInstance().setVariable("phaseName", execution.getBpmnModelElementInstance().getName());
  }
}
