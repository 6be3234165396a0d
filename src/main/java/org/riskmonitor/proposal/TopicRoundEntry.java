package org.riskmonitor.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.riskmonitor.calendar.RegulatorClock;
import org.springframework.stereotype.Component;

/**
 * A reviewed topic joins the catalogue round of the current year (the regulator's year), where the
 * coordinator drafts the catalogue from the year's topics and the proposals backing them.
 */
@Component("topicRoundEntry")
public class TopicRoundEntry implements JavaDelegate {

  private final ProposalMapper mapper;
  private final RegulatorClock clock;

  public TopicRoundEntry(ProposalMapper mapper, RegulatorClock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mapper.joinRound(((Number) execution.getVariable("topicId")).longValue(), clock.today().getYear(), clock.now());
  }
}
