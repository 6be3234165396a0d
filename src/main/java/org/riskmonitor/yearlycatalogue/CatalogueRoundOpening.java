package org.riskmonitor.yearlycatalogue;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Component;

/**
 * A coordinator opens the year's round (start form {@code open-catalogue-round}): one round a year,
 * for this year or next, closing on or after the day it opens and within its year. The close and the
 * year's end are times in the regulator's zone, for the round's two timers.
 */
@Component("catalogueRoundOpening")
public class CatalogueRoundOpening implements ExecutionListener {

  private final FormDefinitions forms;
  private final CatalogueRoundMapper mapper;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public CatalogueRoundOpening(FormDefinitions forms, CatalogueRoundMapper mapper, CurrentUser currentUser,
                               RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    SubmittedForm form = forms.submission(execution);
    Integer year = form.wholeNumber("roundYear");
    LocalDate opensOn = form.date("opensOn");
    LocalDate closesOn = form.date("closesOn");
    int thisYear = clock.today().getYear();
    boolean nearYear = year != null && (year == thisYear || year == thisYear + 1);
    form.refuseIf(year != null && !nearYear, form.label("roundYear") + "：只能是今年或明年（" + thisYear + "或"
        + (thisYear + 1) + "） only this year or next (" + thisYear + " or " + (thisYear + 1) + ")");
    form.refuseIf(nearYear && mapper.round(year) != null,
        year + "年度已有征集轮次 There is a round for " + year + " already");
    form.refuseIf(opensOn != null && closesOn != null && closesOn.isBefore(opensOn),
        "截止日期早于开始日期 The round closes before it opens");
    form.refuseIf(nearYear && closesOn != null && closesOn.getYear() > year,
        form.label("closesOn") + "：不得晚于" + year + "年12月31日 not after 31 December " + year);
    form.refuseIf(nearYear && opensOn != null && opensOn.getYear() < year - 1,
        form.label("opensOn") + "：不得早于" + (year - 1) + "年1月1日 not before 1 January " + (year - 1));
    form.verify();

    GeneratedId key = new GeneratedId();
    mapper.insertRound(year, opensOn, closesOn, execution.getProcessInstanceId(), currentUser.id(), clock.now(), key);
    execution.setProcessBusinessKey(YearlyCatalogues.businessKey(year));
    // the number every task card and deadline mail of the round shows (tasklist.TaskCardColumns)
    execution.setVariable("programmeNumber", YearlyCatalogues.businessKey(year));
    execution.setVariable("roundId", key.getId());
    execution.setVariable("roundYear", year);
    // proposals are taken until the end of the close date
    execution.setVariable("roundClosesAt", clock.date(closesOn.plusDays(1).atStartOfDay()));
    execution.setVariable("roundEndsAt", clock.date(LocalDate.of(year + 1, 1, 1).atStartOfDay()));
  }
}
