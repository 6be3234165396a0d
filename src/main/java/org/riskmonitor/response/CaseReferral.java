package org.riskmonitor.response;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.cases.CaseFiles;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Referral to the defective-product (recall) centre and to enforcement (form {@code refer-case}),
 * each with the receiving office's reference.
 */
@Component("caseReferral")
public class CaseReferral implements TaskListener {

  private final RiskMeasures measures;
  private final CaseFiles cases;
  private final CurrentUser currentUser;

  public CaseReferral(RiskMeasures measures, CaseFiles cases, CurrentUser currentUser) {
    this.measures = measures;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    boolean recall = form.optionalTick("recallReferral", "移送缺陷产品召回 Refer for recall");
    String recallReference = form.optionalText("recallReference", "召回移送文号 Recall referral reference", 100);
    boolean enforcement = form.optionalTick("enforcementReferral", "移送执法 Refer for enforcement");
    String enforcementReference = form.optionalText("enforcementReference", "执法移送文号 Enforcement referral reference", 100);
    form.refuseIf(recall && recallReference == null, "召回移送文号 Recall referral reference：移送时必填 required when referring");
    form.refuseIf(enforcement && enforcementReference == null,
        "执法移送文号 Enforcement referral reference：移送时必填 required when referring");
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
