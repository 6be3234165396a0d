package org.riskmonitor.laboratory;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** The lab's record of a sample arriving: its condition, and whether the lab could test it. */
public record LabReceipt(long caseId, long sampleId, long labId, boolean accepted, String sampleCondition,
                         LocalDate receivedOn, String rejectionReason, String receivedBy, LocalDateTime recordedAt) {
}
