package org.riskmonitor.document;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.riskmonitor.taskcreation.TaskCreation;
import org.springframework.stereotype.Component;

/**
 * Lists the case's documents on each new task ({@code documentLinks}, markdown links to the
 * download endpoint), so every form's summary shows the earlier reports and evidence. Downloads
 * are checked against who may see the case.
 */
@Component
public class CaseDocumentLinks implements TaskCreation {

  private final DocumentStore store;

  public CaseDocumentLinks(DocumentStore store) {
    this.store = store;
  }

  @Override
  public void notify(DelegateTask task) {
    Object caseId = task.getExecution().getVariable("caseId");
    if (!(caseId instanceof Number id)) {
      return;
    }
    List<CaseDocument> documents = store.ofCase(id.longValue());
    task.setVariableLocal("documentLinks", documents.isEmpty() ? "无 None" : documents.stream()
        .map(d -> "[" + d.fileName().replace("]", "") + "](/api/documents/" + d.id() + ") (SHA-256 "
            + d.sha256().substring(0, 12) + "…)")
        .collect(Collectors.joining("；")));
  }
}
