package org.riskmonitor.publication;

import java.time.LocalDateTime;

/** A publication, correction or withdrawal; changedBy stays internal, the public sees the rest. */
public record PublicationChange(Long id, long publicationId, String changeKind, String whatChanged, String reason,
                                String changedBy, LocalDateTime changedAt) {

  public enum Kind { PUBLISHED, CORRECTED, WITHDRAWN }

  public String kindLabel() {
    return switch (Kind.valueOf(changeKind)) {
      case PUBLISHED -> "发布 Published";
      case CORRECTED -> "更正 Corrected";
      case WITHDRAWN -> "撤回 Withdrawn";
    };
  }
}
