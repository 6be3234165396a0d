package org.riskmonitor.laboratory;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A lab's test report. {@code status}: SUBMITTED by the tester, then APPROVED or RETURNED by a
 * different person of the same lab; a returned report is kept and superseded by the next one.
 */
public record TestReport(Long id, long caseId, long receiptId, long labId, String purpose, String reportNumber,
                         LocalDate testedOn, String testedBy, boolean conforming, String status,
                         String reviewedBy, LocalDateTime reviewedAt, String reviewComment, LocalDateTime createdAt) {
}
