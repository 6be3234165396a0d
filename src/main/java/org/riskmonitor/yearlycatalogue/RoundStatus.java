package org.riskmonitor.yearlycatalogue;

/** Where a year's round stands (rm_catalogue_round.status). */
public enum RoundStatus {
  /** proposals come in until the close date */
  OPEN,
  /** proposals closed; the catalogue is drafted, reviewed, approved and perhaps revised */
  CLOSED,
  /** the year is over */
  ENDED
}
