package org.riskmonitor.remediation;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.riskmonitor.calendar.DeadlineRules;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.calendar.RegulatorClock;
import org.springframework.stereotype.Service;

/** Orders correction and sets its clocks: correction within 60 days, re-inspection by day 75 (SAMR Order No. 18). */
@Service
public class RemediationOrders {

  private final RemediationMapper mapper;
  private final DueDates dueDates;
  private final DeadlineRules rules;
  private final RegulatorClock clock;

  public RemediationOrders(RemediationMapper mapper, DueDates dueDates, DeadlineRules rules, RegulatorClock clock) {
    this.mapper = mapper;
    this.dueDates = dueDates;
    this.rules = rules;
    this.clock = clock;
  }

  public RemediationOrder order(long caseId, VariableScope process) {
    Date correction = dueDates.calendarDays(rules.correctionDays());
    Date reinspection = dueDates.calendarDays(rules.reinspectionDays());
    RemediationOrder order = new RemediationOrder(caseId, clock.now(), clock.local(correction),
        clock.local(reinspection));
    mapper.insertOrder(order);
    process.setVariable("correctionDeadline", correction);
    process.setVariable("reinspectionDeadline", reinspection);
    return order;
  }

  public RemediationOrder of(long caseId) {
    return mapper.findOrder(caseId);
  }
}
