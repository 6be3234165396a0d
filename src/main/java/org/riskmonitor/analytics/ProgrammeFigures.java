package org.riskmonitor.analytics;

/** The figures managers report for a period (the brief's "programme in figures"). */
public record ProgrammeFigures(long batchesSampled, long productKinds, long batchesTested, long batchesNonconforming,
                               long expertVisits, long meetingsHeld, long enterprisesAssisted, long clustersAssisted,
                               long problemsFound, long problemsSolved, long casesClosed, long redListed,
                               long blackListed) {

  /** Share of tested batches found nonconforming, 0 when nothing was tested. */
  public double nonconformityRate() {
    return batchesTested == 0 ? 0 : (double) batchesNonconforming / batchesTested;
  }
}
