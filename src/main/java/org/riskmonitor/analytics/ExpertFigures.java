package org.riskmonitor.analytics;

/**
 * An expert's work: person-visits made in a period (as lead or second expert; the programme's
 * person-visits are their sum), remediation evidence verified in the period (accepted or not),
 * and the open tasks assigned or offered to them by name now.
 */
public record ExpertFigures(String expertId, String name, long visits, long verifications, long openTasks) {
}
