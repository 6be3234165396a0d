package org.riskmonitor.document;

import java.time.LocalDateTime;

/** A document of a case, without its content. */
public record CaseDocument(Long id, long caseId, String kind, String fileName, String contentType, long sizeBytes,
                           String sha256, String createdBy, LocalDateTime createdAt) {
}
