package org.riskmonitor.analytics;

/**
 * How long a phase or a step took over finished instances, in milliseconds. Median and p90 are
 * nearest-rank percentiles (the smallest duration with at least that share of the instances at
 * or below it), which H2, MySQL and MariaDB all compute the same way.
 */
public record CycleTime(String activityId, String name, long count, double mean, long median, long p90) {

  /** The same figures under the name the diagram gives the node. */
  public CycleTime named(String diagramName) {
    return new CycleTime(activityId, diagramName, count, mean, median, p90);
  }
}
