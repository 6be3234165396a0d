package org.riskmonitor.analytics;

/**
 * A lab's reports approved in a period: how many, their turnaround in seconds (from the lab
 * recording the sample's receipt to the report's approval; nearest-rank median and p90, null
 * without reports) and how many were done on time (no test-and-report or review step of the
 * lab test finished after its due date).
 */
public record LabFigures(long labId, String labName, long reports, Long medianSeconds, Long p90Seconds,
                         long onTime) {

  private static final double DAY = 86_400.0;

  public Double medianDays() {
    return medianSeconds == null ? null : medianSeconds / DAY;
  }

  public Double p90Days() {
    return p90Seconds == null ? null : p90Seconds / DAY;
  }

  /** Share of the reports done on time, or -1 without reports. */
  public double onTimeShare() {
    return reports == 0 ? -1 : (double) onTime / reports;
  }

  public long late() {
    return reports - onTime;
  }
}
