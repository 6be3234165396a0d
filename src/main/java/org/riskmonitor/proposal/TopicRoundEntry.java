package org.riskmonitor.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.riskmonitor.calendar.RegulatorClock;
import org.springframework.stereotype.Component;

/**
 * A topic its expert recommends joins a year's catalogue round, where the coordinator drafts the
 * catalogue from the round's topics and the proposals backing them. Which year is the rounds' call
 * ({@link YearRounds}): this year's while its round takes proposals, next year's once it has closed.
 * A topic the expert would leave out joins no round.
 */
@Component("topicRoundEntry")
public class TopicRoundEntry implements JavaDelegate {

  private final ProposalMapper mapper;
  private final RegulatorClock clock;
  private final YearRounds rounds;

  public TopicRoundEntry(ProposalMapper mapper, RegulatorClock clock, YearRounds rounds) {
    this.mapper = mapper;
    this.clock = clock;
    this.rounds = rounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long topicId = ((Number) execution.getVariable("topicId")).longValue();
    if (Boolean.TRUE.equals(mapper.recommended(topicId))) {
      mapper.joinRound(topicId, rounds.roundYearFor(clock.today()), clock.now());
    }
  }
}
