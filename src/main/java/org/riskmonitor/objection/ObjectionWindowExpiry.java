package org.riskmonitor.objection;

import java.util.Map;
import org.riskmonitor.audit.AuditTrail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.springframework.stereotype.Component;

/** The objection window ended without an answer: recorded as no objection. */
@Component("objectionWindowExpiry")
public class ObjectionWindowExpiry implements JavaDelegate {

  private final AuditTrail audit;
  private final ObjectionMapper mapper;
  private final MonitoringCases cases;
  private final RegulatorClock clock;

  public ObjectionWindowExpiry(AuditTrail audit, ObjectionMapper mapper, MonitoringCases cases, RegulatorClock clock) {
    this.audit = audit;
    this.mapper = mapper;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mapper.insertResponse(cases.idOf(execution), ((Number) execution.getVariable("resultNoticeId")).longValue(), false,
        null, CurrentUser.SYSTEM, clock.now());
    execution.setVariable("objectionRaised", false);
    audit.record(cases.idOf(execution), "objection-window-expired", CurrentUser.SYSTEM, Map.of("raised", false));
  }
}
