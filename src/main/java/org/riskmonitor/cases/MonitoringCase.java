package org.riskmonitor.cases;

import java.time.LocalDateTime;

/** One sampled batch followed from sample selection to closure. */
public record MonitoringCase(Long id, String caseNumber, String processInstanceId, long enterpriseId,
                             String productKind, String productName, String venue, Long planLineId,
                             String samplerId, Long labId, String expertId, String riskLevel,
                             String openedBy, LocalDateTime openedAt) {
}
