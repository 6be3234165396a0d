package org.riskmonitor.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A manager's change to one line of an approved plan, kept with its reason. */
public record PlanAmendment(Long id, long planId, long lineId, int lineNo, int planVersion, int batchesBefore,
                            int batchesAfter, LocalDate periodToBefore, LocalDate periodToAfter, String reason,
                            String amendedBy, LocalDateTime amendedAt) {
}
