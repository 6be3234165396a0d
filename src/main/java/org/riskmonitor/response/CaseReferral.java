package org.riskmonitor.response;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Referral to the defective-product (recall) centre and to enforcement (form {@code refer-case}),
 * each with the receiving office's reference.
 */
@Component("caseReferral")
public class CaseReferral implements TaskListener {

  private final FormDefinitions forms;
  private final RiskMeasures measures;
  private final MonitoringCases cases;
  private final CurrentUser currentUser;

  public CaseReferral(FormDefinitions forms, RiskMeasures measures, MonitoringCases cases, CurrentUser currentUser) {
    this.forms = forms;
    this.measures = measures;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    boolean recall = form.optionalTick("recallReferral");
    String recallReference = form.textRequiredWhen(recall, "recallReference");
    boolean enforcement = form.optionalTick("enforcementReferral");
    String enforcementReference = form.textRequiredWhen(enforcement, "enforcementReference");
    form.verify();
    long caseId = cases.idOf(task);
    String by = currentUser.id();
    if (recall) {
      measures.record(caseId, RiskMeasure.Kind.RECALL_REFERRAL, "REFERRED", null, null, recallReference, by);
    }
    if (enforcement) {
      measures.record(caseId, RiskMeasure.Kind.ENFORCEMENT_REFERRAL, "REFERRED", null, null, enforcementReference, by);
    }
  }
}
