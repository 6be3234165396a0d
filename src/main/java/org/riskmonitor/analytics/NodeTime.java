package org.riskmonitor.analytics;

/** A flow node of the risk-case diagram: how long finished passes took (ms) and how many wait there now. */
public record NodeTime(String activityId, long count, long median, long p90, long open) {
}
