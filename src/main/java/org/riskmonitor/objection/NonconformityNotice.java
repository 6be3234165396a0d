package org.riskmonitor.objection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Written notice of a nonconforming result; opens the objection window. */
@Component("nonconformityNotice")
public class NonconformityNotice implements JavaDelegate {

  private final ResultNotices notices;

  public NonconformityNotice(ResultNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.issue(execution, false);
  }
}
