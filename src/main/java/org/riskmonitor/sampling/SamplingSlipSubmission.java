package org.riskmonitor.sampling;

import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.document.StepDocuments;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.checklist.OnSiteChecks;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Component;

/**
 * The sampler's slip (form {@code sampling-slip}): the batch, and the test and backup samples sealed.
 * The on-site checklist must be complete; it is then kept with the slip and takes no more answers.
 */
@Component("samplingSlipSubmission")
public class SamplingSlipSubmission implements TaskListener {

  private final StepDocuments documents;
  private final FormDefinitions forms;
  private final MonitoringCases cases;
  private final SamplingMapper mapper;
  private final CurrentUser currentUser;
  private final DueDates dueDates;
  private final RegulatorClock clock;
  private final OnSiteChecks onSiteChecks;

  public SamplingSlipSubmission(StepDocuments documents, FormDefinitions forms, MonitoringCases cases, SamplingMapper mapper, CurrentUser currentUser, DueDates dueDates,
                                RegulatorClock clock, OnSiteChecks onSiteChecks) {
    this.documents = documents;
    this.forms = forms;
    this.cases = cases;
    this.mapper = mapper;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
    this.clock = clock;
    this.onSiteChecks = onSiteChecks;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate today = dueDates.today();
    SubmittedForm form = forms.submission(task);
    String manufacturer = form.text("labelledManufacturer");
    String brand = form.text("brand");
    String model = form.text("model");
    String batchNumber = form.text("batchNumber");
    LocalDate producedOn = form.dateNotAfter("productionDate", today);
    String ccc = form.optionalText("cccCertificate");
    Integer stock = form.wholeNumber("stockQuantity");
    Integer testQuantity = form.wholeNumber("testSampleQuantity");
    Integer backupQuantity = form.wholeNumber("backupSampleQuantity");
    String testSeal = form.text("testSealNumber");
    String backupSeal = form.text("backupSealNumber");
    String secondSampler = form.text("secondSampler");
    LocalDate sampledOn = form.dateNotAfter("sampledOn", today);
    form.refuseIf(testSeal != null && testSeal.equals(backupSeal),
        "检验样品与备用样品的封样编号不得相同 Test and backup samples need different seal numbers");
    form.refuseIf(stock != null && testQuantity != null && backupQuantity != null && testQuantity + backupQuantity > stock,
        "抽样数量不得超过库存 Samples cannot exceed the stock");
    form.refuseIf(producedOn != null && sampledOn != null && producedOn.isAfter(sampledOn),
        "生产日期不得晚于抽样日期 Production date cannot be after the sampling date");
    String samplerId = currentUser.id();
    form.refuseIf(secondSampler != null && secondSampler.equalsIgnoreCase(samplerId),
        "抽样单须由两名不同的抽样人签字 Two different samplers must sign");
    long caseId = cases.idOf(task);
    int unanswered = onSiteChecks.unanswered(caseId);
    form.refuseIf(unanswered > 0, "现场检查清单尚有" + unanswered + "项未填写，请先在手机上完成 " + unanswered
        + " items of the on-site checklist are not answered yet; finish them on the phone first");
    documents.check(task, form);
    form.verify();

    GeneratedId slipKey = new GeneratedId();
    mapper.insertSlip(new SamplingSlip(null, caseId, "INITIAL", samplerId, secondSampler, manufacturer, brand, model,
        batchNumber, producedOn, ccc, stock, sampledOn, null, null, null, null, clock.now()), slipKey);
    GeneratedId testKey = new GeneratedId();
    mapper.insertSample(new Sample(null, slipKey.getId(), "TEST", testSeal, testQuantity), testKey);
    GeneratedId backupKey = new GeneratedId();
    mapper.insertSample(new Sample(null, slipKey.getId(), "BACKUP", backupSeal, backupQuantity), backupKey);

    onSiteChecks.closeWithSlip(caseId, slipKey.getId());

    task.setVariable("samplingSlipId", slipKey.getId());
    task.setVariable("testSampleId", testKey.getId());
    task.setVariable("backupSampleId", backupKey.getId());
    // the lab's test items follow the standard edition in force on this date
    task.setVariable("productionDate", producedOn.toString());
  }
}
