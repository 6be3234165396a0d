package org.riskmonitor.yearlycatalogue;

import java.time.LocalDate;

/** A year's catalogue round: proposals are collected from {@code opensOn} to {@code closesOn}. */
public record CatalogueRound(long id, int roundYear, LocalDate opensOn, LocalDate closesOn, RoundStatus status,
                             String processInstanceId) {

  /** Whether a topic recommended on this day still joins this round. */
  public boolean takesProposalsOn(LocalDate day) {
    return status == RoundStatus.OPEN && !day.isAfter(closesOn);
  }
}
