package org.riskmonitor.sampling;

/** A sealed sample of a slip. {@code role}: TEST, BACKUP (kept for a re-test) or REINSPECTION. */
public record Sample(Long id, long slipId, String role, String sealNumber, int quantity) {
}
