package org.riskmonitor.publication;

import java.time.LocalDate;

/** What the public may know of a case, read when an item is proposed. */
public record CaseFacts(long caseId, String productKind, String productKindName, String productName, String brand,
                        String model, String batchNumber, LocalDate productionDate, String enterpriseName,
                        String enterpriseUscc, String componentName, String districtCode, String districtName) {
}
