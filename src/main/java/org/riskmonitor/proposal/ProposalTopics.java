package org.riskmonitor.proposal;

import java.time.LocalDateTime;
import java.util.List;
import org.riskmonitor.calendar.RegulatorClock;
import org.springframework.stereotype.Service;

/** The topics of the current year, into which the coordinator merges proposals. */
@Service
public class ProposalTopics {

  private final ProposalMapper mapper;
  private final RegulatorClock clock;

  public ProposalTopics(ProposalMapper mapper, RegulatorClock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Topics opened this year (the regulator's year): a proposal is merged only into this year's. */
  public List<ProposalTopic> ofThisYear() {
    return mapper.topicsSince(LocalDateTime.of(clock.today().getYear(), 1, 1, 0, 0));
  }

  /** The topics in a year's catalogue round: recommended by their expert, the most backed first. */
  public List<ProposalTopic> ofRound(int year) {
    return mapper.topicsOfRound(year);
  }
}
