package org.riskmonitor.analytics;

/** The programme figures of one product kind, district or industrial cluster. */
public record Breakdown(String code, String name, long batchesSampled, long batchesTested, long batchesNonconforming,
                        long expertVisits, long problemsFound, long problemsSolved, long casesClosed) {

  public double nonconformityRate() {
    return batchesTested == 0 ? 0 : (double) batchesNonconforming / batchesTested;
  }
}
