package org.riskmonitor.publication;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Publishes the approved item: from now on the public site shows it; when and by whom is recorded. */
@Component("publicationRelease")
public class PublicationRelease implements JavaDelegate {

  private final Publications publications;

  public PublicationRelease(Publications publications) {
    this.publications = publications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    publications.publish((String) execution.getVariable("publicNumber"));
  }
}
