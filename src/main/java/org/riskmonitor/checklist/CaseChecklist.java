package org.riskmonitor.checklist;

import java.time.LocalDateTime;

/**
 * A checklist filled at one sampling of a case: the version pinned when the sampler was assigned,
 * open for answers until the sampling slip is submitted.
 */
public record CaseChecklist(long id, long caseId, long checklistId, String samplerId, Long slipId,
                            LocalDateTime openedAt, LocalDateTime submittedAt) {

  public boolean open() {
    return submittedAt == null;
  }
}
