package org.riskmonitor.proposal;

import java.time.LocalDate;

/**
 * Which year's catalogue round a topic joins when its expert recommends it. The rounds themselves
 * belong to the yearly catalogue, which builds on the proposals; this interface lets it answer
 * without the proposals depending on it.
 */
public interface YearRounds {

  /** The year of the round a topic recommended on this day (the regulator's day) joins. */
  int roundYearFor(LocalDate recommendedOn);
}
