package org.riskmonitor.bulletin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.riskmonitor.publication.Publication;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_IssueBulletin}: the approved bulletin as a numbered PDF, published on the public site. */
@Component("bulletinIssue")
public class BulletinIssue implements JavaDelegate {

  private final Bulletins bulletins;

  public BulletinIssue(Bulletins bulletins) {
    this.bulletins = bulletins;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Publication item = bulletins.issue(((Number) execution.getVariable(Bulletins.BULLETIN_ID)).longValue());
    execution.setVariable("publicNumber", item.publicNumber());
  }
}
