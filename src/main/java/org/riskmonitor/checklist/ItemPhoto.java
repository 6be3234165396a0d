package org.riskmonitor.checklist;

/** A photo taken for an item, stored as a case document. */
public record ItemPhoto(long itemId, long documentId, String fileName, String sha256) {
}
