package org.riskmonitor.analytics;

/**
 * How long a user task took, in milliseconds, split into waiting (created until someone was
 * assigned or claimed it) and working (assigned until completed); a task completed without ever
 * being assigned waited all its life. {@code onTime} of {@code withDueDate} were completed by
 * their due date. Percentiles are nearest-rank, as in {@link CycleTime}.
 */
public record StepTime(String activityId, String name, long count, double mean, long median, long p90,
                       long medianWaiting, long medianWorking, long withDueDate, long onTime) {

  /** The same figures under the name the diagram gives the step. */
  public StepTime named(String diagramName) {
    return new StepTime(activityId, diagramName, count, mean, median, p90, medianWaiting, medianWorking, withDueDate,
        onTime);
  }

  /** Share completed by the due date, or -1 when no completed task had one. */
  public double onTimeShare() {
    return withDueDate == 0 ? -1 : (double) onTime / withDueDate;
  }
}
