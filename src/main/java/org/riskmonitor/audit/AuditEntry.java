package org.riskmonitor.audit;

import java.time.LocalDateTime;

public record AuditEntry(Long id, Long caseId, String action, String actor, LocalDateTime at, String detail) {
}
