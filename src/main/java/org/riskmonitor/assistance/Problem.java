package org.riskmonitor.assistance;

import java.time.LocalDate;

/** A quality problem experts found at the enterprise, tracked until solved. */
public record Problem(Long id, long caseId, long visitId, String description, LocalDate foundOn, LocalDate solvedOn,
                      String verifiedBy) {
}
