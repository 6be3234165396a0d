package org.riskmonitor.checklist;

import java.time.LocalDateTime;

/** One version of a product kind's on-site checklist; an edit makes the next version. */
public record Checklist(Long id, String productKind, int version, String changeNote, String createdBy,
                        LocalDateTime createdAt) {
}
