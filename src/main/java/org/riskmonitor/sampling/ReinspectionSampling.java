package org.riskmonitor.sampling;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Component;

/**
 * A new sample after remediation (form {@code draw-reinspection-sample}), on a slip of its own that
 * keeps the product's description from the first slip.
 */
@Component("reinspectionSampling")
public class ReinspectionSampling implements TaskListener {

  private final FormDefinitions forms;
  private final MonitoringCases cases;
  private final SamplingMapper mapper;
  private final CurrentUser currentUser;
  private final DueDates dueDates;
  private final RegulatorClock clock;

  public ReinspectionSampling(FormDefinitions forms, MonitoringCases cases, SamplingMapper mapper, CurrentUser currentUser, DueDates dueDates,
                              RegulatorClock clock) {
    this.forms = forms;
    this.cases = cases;
    this.mapper = mapper;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    String batchNumber = form.text("reinspectionBatchNumber");
    String seal = form.text("reinspectionSealNumber");
    Integer quantity = form.wholeNumber("reinspectionSampleQuantity");
    LocalDate sampledOn = form.dateNotAfter("reinspectionSampledOn", dueDates.today());
    form.verify();

    SamplingSlip first = mapper.findSlip(((Number) task.getVariable("samplingSlipId")).longValue());
    GeneratedId slipKey = new GeneratedId();
    mapper.insertSlip(new SamplingSlip(null, cases.idOf(task), "REINSPECTION", currentUser.id(), null,
        first.labelledManufacturer(), first.brand(), first.model(), batchNumber, first.productionDate(),
        first.cccCertificate(), null, sampledOn, null, null, null, null, clock.now()), slipKey);
    GeneratedId sampleKey = new GeneratedId();
    mapper.insertSample(new Sample(null, slipKey.getId(), "REINSPECTION", seal, quantity), sampleKey);
    task.setVariable("reinspectionSampleId", sampleKey.getId());
  }
}
