package org.riskmonitor.programmereport;

/** How many meetings of a kind (TRAINING, QUALITY_ANALYSIS) were held. */
public record MeetingCount(String kind, long meetings) {
}
