package org.riskmonitor.bulletin;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.catalogue.ProductKind;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * The start form {@code start-bulletin} (a coordinator or a manager): a known product kind and a
 * period of at most three years that has begun; its end may not be in the future, so the figures
 * are the period's own. The checked values are kept for the drafting step.
 */
@Component("bulletinRequest")
public class BulletinRequest implements ExecutionListener {

  static final String KIND = "bulletinKind";
  static final String FROM = "bulletinFrom";
  static final String TO = "bulletinTo";
  private static final int MAX_DAYS = 3 * 366;

  private final FormDefinitions forms;
  private final Catalogue catalogue;
  private final RegulatorClock clock;

  public BulletinRequest(FormDefinitions forms, Catalogue catalogue, RegulatorClock clock) {
    this.forms = forms;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    SubmittedForm form = forms.submission(execution);
    String kind = form.oneOf("bulletinProductKind", catalogue.kinds().stream().map(ProductKind::code).toList());
    LocalDate today = clock.today();
    LocalDate from = form.dateNotAfter("bulletinPeriodFrom", today);
    LocalDate to = form.dateNotAfter("bulletinPeriodTo", today);
    form.refuseIf(from != null && to != null && to.isBefore(from),
        form.label("bulletinPeriodTo") + "：不得早于起始日期 must not be before the start of the period");
    form.refuseIf(from != null && to != null && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS,
        "期间不得超过三年 The period may not be longer than three years");
    form.verify();
    execution.setVariable(KIND, kind);
    execution.setVariable(FROM, from.toString());
    execution.setVariable(TO, to.toString());
  }
}
