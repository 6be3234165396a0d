package org.riskmonitor.analytics;

import java.time.LocalDateTime;

/**
 * A case behind a dashboard number. {@code since} and {@code duration} describe the step the
 * list is about, when it is about one: when the case entered it and how long it took (or has
 * taken so far), in milliseconds.
 */
public record CaseRow(String caseNumber, String enterpriseName, String productKindName, String productName,
                      String districtName, String riskLevel, String outcome, LocalDateTime openedAt,
                      LocalDateTime closedAt, LocalDateTime since, Long duration) {
}
