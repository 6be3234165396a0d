package org.riskmonitor.programmereport;

import java.time.LocalDateTime;

/**
 * A red or black list entry of the report: the enterprise that answers for the closed case (for a
 * component sampled at an assembly plant, its supplier), what was monitored and when it closed.
 */
public record ListedCase(String enterpriseName, String productKindName, String productName, String caseNumber,
                         LocalDateTime closedAt) {
}
