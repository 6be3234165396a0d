package org.riskmonitor.analytics;

/** How many cases reached a risk level. */
public record LevelCount(String riskLevel, long cases) {
}
