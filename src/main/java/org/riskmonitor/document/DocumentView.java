package org.riskmonitor.document;

import java.time.LocalDateTime;

/**
 * A document as the API shows it: metadata only, never the internal case id or the content.
 * {@code createdAt} is on the regulator's wall clock; the step fields are null for a document not
 * uploaded to a task.
 */
public record DocumentView(long id, String fileName, String contentType, long sizeBytes, String sha256, String kind,
                           String kindTitle, String createdBy, LocalDateTime createdAt, String taskId, String stepKey,
                           String stepName) {

  /**
   * What the system issues itself (the official documents: notices, orders, alerts, announcements,
   * closure decisions, each a numbered PDF) has kinds people do not upload.
   */
  static final String SYSTEM_NOTICE = "官方文书 Official document";

  static DocumentView of(CaseDocument d) {
    DocumentKind kind = DocumentKind.named(d.kind());
    return new DocumentView(d.id(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(), d.kind(),
        kind == null ? SYSTEM_NOTICE : kind.title(), d.createdBy(), d.createdAt(), d.taskId(), d.stepKey(),
        d.stepName());
  }
}
