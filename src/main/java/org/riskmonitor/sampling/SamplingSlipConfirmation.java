package org.riskmonitor.sampling;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.cases.CaseFiles;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormRefusal;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/** The enterprise confirms the slip in its task list (form {@code confirm-sampling-slip}). */
@Component("samplingSlipConfirmation")
public class SamplingSlipConfirmation implements TaskListener {

  private final SamplingMapper mapper;
  private final CurrentUser currentUser;

  public SamplingSlipConfirmation(SamplingMapper mapper, CurrentUser currentUser) {
    this.mapper = mapper;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    form.ticked("slipConfirmed", "确认抽样单内容属实 Confirm the slip is accurate");
    String signatory = form.text("enterpriseSignatory", "企业签字人 Enterprise signatory", 100);
    String remark = form.optionalText("enterpriseRemark", "企业意见 Remark", 1000);
    form.verify();
    long slipId = ((Number) task.getVariable("samplingSlipId")).longValue();
    if (mapper.confirm(slipId, signatory, remark, currentUser.id(), CaseFiles.now()) != 1) {
      throw new FormRefusal("抽样单已确认 The slip was already confirmed");
    }
  }
}
