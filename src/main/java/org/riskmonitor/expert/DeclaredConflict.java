package org.riskmonitor.expert;

import java.time.LocalDateTime;

/** An enterprise an expert must not handle, with why and who recorded it. */
public record DeclaredConflict(String userId, long enterpriseId, String enterpriseUscc, String enterpriseName,
                               String reason, String declaredBy, LocalDateTime declaredAt) {
}
