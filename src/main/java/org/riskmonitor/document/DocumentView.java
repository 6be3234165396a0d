package org.riskmonitor.document;

import java.time.LocalDateTime;

/** A document as the API shows it: metadata only, never the internal case id or the content. */
public record DocumentView(long id, String fileName, String contentType, long sizeBytes, String sha256, String kind,
                           String createdBy, LocalDateTime createdAt) {

  static DocumentView of(CaseDocument d) {
    return new DocumentView(d.id(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(), d.kind(),
        d.createdBy(), d.createdAt());
  }
}
