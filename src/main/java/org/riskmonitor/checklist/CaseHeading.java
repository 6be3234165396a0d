package org.riskmonitor.checklist;

/** What the checklist page names its case by. */
public record CaseHeading(String caseNumber, String productName, String kindNameZh, String kindNameEn,
                          String enterpriseName, String enterpriseAddress) {
}
