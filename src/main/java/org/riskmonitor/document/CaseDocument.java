package org.riskmonitor.document;

import java.time.LocalDateTime;

/**
 * A document of a case, without its content. {@code taskId}, {@code stepKey} (the task's BPMN id)
 * and {@code stepName} name the step it was uploaded at; all three are null for a document
 * uploaded to the case itself or written by the system.
 */
public record CaseDocument(Long id, long caseId, String kind, String fileName, String contentType, long sizeBytes,
                           String sha256, String createdBy, LocalDateTime createdAt, String taskId, String stepKey,
                           String stepName) {
}
