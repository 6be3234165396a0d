package org.riskmonitor.yearlycatalogue;

import java.time.LocalDateTime;

/** One version of a year's catalogue and who drafted, reviewed and approved it. */
public record CatalogueVersion(long id, long roundId, int roundYear, int versionNo, VersionStatus status,
                               String revisionReason, String revisionRequestedBy, String draftedBy,
                               LocalDateTime draftedAt, String reviewedBy, LocalDateTime reviewedAt,
                               String reviewOpinion, Boolean expertAgrees, String approvedBy,
                               LocalDateTime approvedAt, String managerComment) {
}
