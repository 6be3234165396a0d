package org.riskmonitor.response;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.officialdocument.OfficialDocumentKind;
import org.riskmonitor.officialdocument.OfficialDocuments;
import org.riskmonitor.publication.Publications;
import org.springframework.stereotype.Component;

/** A manager approves the consumer alert, issued then as an official document, or returns it (form {@code approve-consumer-alert}). */
@Component("consumerAlertApproval")
public class ConsumerAlertApproval implements TaskListener {

  enum Decision { APPROVED, RETURNED }

  private final FormDefinitions forms;
  private final RiskMeasures measures;
  private final CurrentUser currentUser;
  private final OfficialDocuments documents;
  private final Publications publications;

  public ConsumerAlertApproval(FormDefinitions forms, RiskMeasures measures, CurrentUser currentUser,
                               OfficialDocuments documents, Publications publications) {
    this.documents = documents;
    this.forms = forms;
    this.measures = measures;
    this.currentUser = currentUser;
    this.publications = publications;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    Decision decision = form.choice("alertDecision", Decision.class);
    String comment = form.textRequiredWhen(decision == Decision.RETURNED, "approvalComment");
    form.verify();
    long alertId = ((Number) task.getVariable("consumerAlertId")).longValue();
    if (!measures.decide(alertId, decision.name(), currentUser.id(), comment)) {
      throw new FormRefusal("消费提示已审批 The alert was already decided");
    }
    if (decision == Decision.APPROVED) {
      RiskMeasure alert = measures.find(alertId);
      documents.issue(task, OfficialDocumentKind.CONSUMER_ALERT,
          Map.of("alertTitle", alert.title(), "alertText", alert.content()));
    }
    task.setVariable("alertApproved", decision == Decision.APPROVED);
    publications.consumerAlertDecided(task, alertId, decision == Decision.APPROVED);
    // a returned alert comes back for approval with a blank decision
    task.removeVariable("alertDecision");
  }
}
