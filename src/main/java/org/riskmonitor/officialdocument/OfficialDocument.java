package org.riskmonitor.officialdocument;

import java.time.LocalDateTime;

/** An issued document: its number, the case document holding the PDF, and its receipt once confirmed. */
public record OfficialDocument(Long id, long caseId, String kind, int docYear, int docSeq, String docNumber,
                               long documentId, String legalBasis, LocalDateTime issuedAt, String receivedBy,
                               LocalDateTime receivedAt) {
}
