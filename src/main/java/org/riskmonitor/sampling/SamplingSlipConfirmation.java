package org.riskmonitor.sampling;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/** The enterprise confirms the slip in its task list (form {@code confirm-sampling-slip}). */
@Component("samplingSlipConfirmation")
public class SamplingSlipConfirmation implements TaskListener {

  private final FormDefinitions forms;
  private final SamplingMapper mapper;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public SamplingSlipConfirmation(FormDefinitions forms, SamplingMapper mapper, CurrentUser currentUser,
                                  RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    form.ticked("slipConfirmed");
    String signatory = form.text("enterpriseSignatory");
    String remark = form.optionalText("enterpriseRemark");
    form.verify();
    long slipId = ((Number) task.getVariable("samplingSlipId")).longValue();
    if (mapper.confirm(slipId, signatory, remark, currentUser.id(), clock.now()) != 1) {
      throw new FormRefusal("抽样单已确认 The slip was already confirmed");
    }
  }
}
