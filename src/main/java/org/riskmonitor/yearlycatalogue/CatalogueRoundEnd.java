package org.riskmonitor.yearlycatalogue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.riskmonitor.calendar.RegulatorClock;
import org.springframework.stereotype.Component;

/** The round's year is over: its catalogue can no longer be revised; the last approved version stays in force for the year. */
@Component("catalogueRoundEnd")
public class CatalogueRoundEnd implements JavaDelegate {

  private final CatalogueRoundMapper mapper;
  private final RegulatorClock clock;

  public CatalogueRoundEnd(CatalogueRoundMapper mapper, RegulatorClock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mapper.setRoundStatus(((Number) execution.getVariable("roundId")).longValue(), RoundStatus.ENDED, clock.now());
  }
}
