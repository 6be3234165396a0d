package org.riskmonitor.checklist;

import java.time.LocalDateTime;

/** The current answer to one item of a case's checklist, at its revision. */
public record ItemAnswer(long id, long caseChecklistId, long itemId, Answer answer, String note, boolean raiseProblem,
                         int revision, String answeredBy, LocalDateTime answeredAt) {
}
