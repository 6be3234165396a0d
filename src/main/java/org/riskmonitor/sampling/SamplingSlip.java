package org.riskmonitor.sampling;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The sampling slip (抽样单) two samplers sign and the enterprise confirms. {@code purpose}:
 * INITIAL for the monitoring sample, REINSPECTION for the sample drawn after remediation.
 */
public record SamplingSlip(Long id, long caseId, String purpose, String samplerId, String secondSampler,
                           String labelledManufacturer, String brand, String model, String batchNumber,
                           LocalDate productionDate, String cccCertificate, Integer stockQuantity, LocalDate sampledOn,
                           String enterpriseSignatory, String enterpriseRemark, String confirmedBy,
                           LocalDateTime confirmedAt, LocalDateTime createdAt) {
}
