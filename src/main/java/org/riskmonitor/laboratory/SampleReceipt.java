package org.riskmonitor.laboratory;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.cases.CaseFiles;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Component;

/** The lab receives the sample, or rejects it with a reason (form {@code receive-sample}). */
@Component("sampleReceipt")
public class SampleReceipt implements TaskListener {

  enum Decision { ACCEPTED, REJECTED }

  private final CaseFiles cases;
  private final LabMapper mapper;
  private final CurrentUser currentUser;
  private final DueDates dueDates;

  public SampleReceipt(CaseFiles cases, LabMapper mapper, CurrentUser currentUser, DueDates dueDates) {
    this.cases = cases;
    this.mapper = mapper;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    Decision decision = form.choice("receiptDecision", "接收结论 Receipt decision", Decision.class);
    String condition = form.text("sampleCondition", "样品状态 Sample condition", 500);
    LocalDate receivedOn = form.dateNotAfter("receivedOn", "收样日期 Received on", dueDates.today());
    String reason = form.optionalText("rejectionReason", "拒收理由 Rejection reason", 1000);
    form.refuseIf(decision == Decision.REJECTED && reason == null, "拒收理由 Rejection reason：拒收时必填 required when rejecting");
    form.verify();

    boolean accepted = decision == Decision.ACCEPTED;
    GeneratedId key = new GeneratedId();
    mapper.insertReceipt(new LabReceipt(cases.idOf(task), ((Number) task.getVariable("testedSampleId")).longValue(),
        ((Number) task.getVariable("testLabId")).longValue(), accepted, condition, receivedOn,
        accepted ? null : reason, currentUser.id(), CaseFiles.now()), key);
    task.setVariable("receiptId", key.getId());
    task.setVariable("sampleAccepted", accepted);
  }
}
