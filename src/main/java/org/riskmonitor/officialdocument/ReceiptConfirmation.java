package org.riskmonitor.officialdocument;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.input.FormRefusal;
import org.springframework.stereotype.Component;

/** The enterprise confirms it received an official document served on it (form {@code confirm-receipt}). */
@Component("receiptConfirmation")
public class ReceiptConfirmation implements TaskListener {

  private final FormDefinitions forms;
  private final OfficialDocuments documents;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  public ReceiptConfirmation(FormDefinitions forms, OfficialDocuments documents, CurrentUser currentUser,
                             AuditTrail audit) {
    this.forms = forms;
    this.documents = documents;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    form.ticked("receiptConfirmed");
    form.verify();
    long id = ((Number) task.getVariable("officialDocumentId")).longValue();
    if (!documents.receive(id, currentUser.id())) {
      throw new FormRefusal("文书已签收 The receipt was already confirmed");
    }
    OfficialDocument document = documents.find(id);
    audit.record(document.caseId(), "document-received", currentUser.id(),
        Map.of("documentNumber", document.docNumber()));
  }
}
