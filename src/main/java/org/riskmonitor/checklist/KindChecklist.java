package org.riskmonitor.checklist;

import java.time.LocalDateTime;

/** A product kind with the version of its checklist in force; version null for a kind without one. */
public record KindChecklist(String productKind, String nameZh, String nameEn, Integer version,
                            LocalDateTime createdAt, long items) {

  public String label() {
    return nameZh + " " + nameEn;
  }
}
