package org.riskmonitor.remediation;

import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.document.StepDocuments;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Component;

/** The enterprise reports what it corrected (form {@code submit-remediation-evidence}). */
@Component("remediationEvidenceSubmission")
public class RemediationEvidenceSubmission implements TaskListener {

  /** Corrective action types, after the UK Product Safety Database's list. */
  enum CorrectiveAction {
    STOP_PRODUCTION, STOP_SALES, RECALL, DESTRUCTION, PROCESS_CHANGE, SUPPLIER_CHANGE, LABEL_CORRECTION, TRAINING
  }

  private final StepDocuments documents;
  private final FormDefinitions forms;
  private final RemediationMapper mapper;
  private final MonitoringCases cases;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public RemediationEvidenceSubmission(StepDocuments documents, FormDefinitions forms, RemediationMapper mapper, MonitoringCases cases, CurrentUser currentUser,
                                       RegulatorClock clock) {
    this.documents = documents;
    this.forms = forms;
    this.mapper = mapper;
    this.cases = cases;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    List<CorrectiveAction> actions = form.choices("correctiveActions", CorrectiveAction.class);
    String description = form.text("evidenceDescription");
    documents.check(task, form);
    form.verify();
    GeneratedId key = new GeneratedId();
    mapper.insertEvidence(cases.idOf(task), String.join(",", actions.stream().map(Enum::name).toList()), description,
        currentUser.id(), clock.now(), key);
    task.setVariable("evidenceId", key.getId());
  }
}
