package org.riskmonitor.response;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/** Coordinator drafts the consumer alert for a serious or high risk (form {@code draft-consumer-alert}). */
@Component("consumerAlertDraft")
public class ConsumerAlertDraft implements TaskListener {

  private final FormDefinitions forms;
  private final RiskMeasures measures;
  private final MonitoringCases cases;
  private final CurrentUser currentUser;

  public ConsumerAlertDraft(FormDefinitions forms, RiskMeasures measures, MonitoringCases cases, CurrentUser currentUser) {
    this.forms = forms;
    this.measures = measures;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    String title = form.text("alertTitle");
    String text = form.text("alertText");
    form.verify();
    long id = measures.record(cases.idOf(task), RiskMeasure.Kind.CONSUMER_ALERT, "DRAFT", title, text, null,
        currentUser.id());
    task.setVariable("consumerAlertId", id);
  }
}
