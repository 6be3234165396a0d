package org.riskmonitor.summary;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** The single values of a case the forms show, as the tables hold them; null where a step has not happened yet
 * (the component and supplier: null unless components were sampled at an assembly plant). */
public record SummaryRow(String caseNumber, String productName, String planLine, String venue, String samplerId,
                  String riskLevel, String enterpriseUscc, String enterpriseName, String enterpriseAddress,
                  String districtName, String kindNameZh, String kindNameEn, String caseLabName, String testLabName,
                  String expertName, String secondSampler, String labelledManufacturer, String brand, String model,
                  String batchNumber, LocalDate productionDate, String cccCertificate, Integer stockQuantity,
                  LocalDate sampledOn, String testSealNumber, Integer testSampleQuantity, String backupSealNumber,
                  Integer backupSampleQuantity, String reportNumber, Boolean conforming,
                  LocalDateTime objectionDeadline, String retestLabName, LocalDateTime correctionDeadline,
                  LocalDateTime reinspectionDeadline, String visitLeadExpertName,
                  String componentNameZh, String componentNameEn, String supplierUscc, String supplierName) {
}
