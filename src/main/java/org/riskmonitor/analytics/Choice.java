package org.riskmonitor.analytics;

/** One option of a dashboard filter. */
public record Choice(String code, String label) {
}
