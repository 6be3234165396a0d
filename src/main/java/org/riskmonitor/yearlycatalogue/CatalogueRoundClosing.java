package org.riskmonitor.yearlycatalogue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.riskmonitor.calendar.RegulatorClock;
import org.springframework.stereotype.Component;

/** The close date has passed: topics recommended from now on wait for next year's round. */
@Component("catalogueRoundClosing")
public class CatalogueRoundClosing implements JavaDelegate {

  private final CatalogueRoundMapper mapper;
  private final RegulatorClock clock;

  public CatalogueRoundClosing(CatalogueRoundMapper mapper, RegulatorClock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mapper.setRoundStatus(((Number) execution.getVariable("roundId")).longValue(), RoundStatus.CLOSED, clock.now());
  }
}
