package org.riskmonitor.analytics;

/** Cases standing in a phase now, by how long they have been in it (days). */
public record OpenWork(String activityId, String name, long openCases, long upTo7, long upTo30, long upTo90, long over90) {
}
