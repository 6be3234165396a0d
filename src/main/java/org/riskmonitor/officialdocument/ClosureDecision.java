package org.riskmonitor.officialdocument;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The closure decision, issued when the coordinator closes the case: runs after the closing itself
 * ({@code caseClosing}) has checked and recorded the summary, in the same transaction.
 */
@Component("closureDecision")
public class ClosureDecision implements TaskListener {

  private final OfficialDocuments documents;

  public ClosureDecision(OfficialDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    documents.issue(task, OfficialDocumentKind.CLOSURE_DECISION,
        Map.of("closureSummary", (String) task.getVariable("closureSummary")));
  }
}
