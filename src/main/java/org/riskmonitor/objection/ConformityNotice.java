package org.riskmonitor.objection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** All items passed: the enterprise is told so in writing and the case goes to closure. */
@Component("conformityNotice")
public class ConformityNotice implements JavaDelegate {

  private final ResultNotices notices;

  public ConformityNotice(ResultNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.issue(execution, true);
  }
}
