package org.riskmonitor.checklist;

/** A change a device sent that was applied: an answer's resulting revision, or a photo's document. */
public record ReceivedChange(String changeId, long caseChecklistId, long itemId, Integer revision, Long documentId) {
}
