package org.riskmonitor.publication;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An item for the public, its content as approved, and where it stands. approvedBy and
 * rejectionReason are for the regulator's own pages only: the public site never shows them.
 */
public record Publication(Long id, String publicNumber, String itemType, Long caseId, Long sourceMeasureId,
                          String title, String productKind, String productKindName, String productName, String brand,
                          String model, String batchNumber, LocalDate productionDate, String enterpriseName,
                          String enterpriseUscc, String componentName, String districtCode, String districtName,
                          String failedItems, String hazard, String measures, String measuresBy, String status,
                          LocalDateTime proposedAt, LocalDateTime enterpriseNotifiedAt, String approvedBy,
                          LocalDateTime decidedAt, String rejectionReason, LocalDateTime publishedAt,
                          LocalDateTime correctedAt, LocalDateTime withdrawnAt, String withdrawalReason,
                          String changePending) {

  public ItemType type() {
    return ItemType.valueOf(itemType);
  }

  public boolean withdrawn() {
    return PublicationStatus.WITHDRAWN.name().equals(status);
  }

  public boolean published() {
    return PublicationStatus.PUBLISHED.name().equals(status);
  }

  public String statusLabel() {
    return switch (PublicationStatus.valueOf(status)) {
      case PROPOSED -> "待审批 Awaiting approval";
      case PUBLISHED -> "已发布 Published";
      case REJECTED -> "未批准 Rejected";
      case WITHDRAWN -> "已撤回 Withdrawn";
    };
  }

  /** A copy with the texts a correction may change, corrected at the given time. */
  public Publication corrected(String title, String failedItems, String hazard, String measures, LocalDateTime at) {
    return new Publication(id, publicNumber, itemType, caseId, sourceMeasureId, title, productKind, productKindName,
        productName, brand, model, batchNumber, productionDate, enterpriseName, enterpriseUscc, componentName,
        districtCode, districtName, failedItems, hazard, measures, measuresBy, status, proposedAt,
        enterpriseNotifiedAt, approvedBy, decidedAt, rejectionReason, publishedAt, at, withdrawnAt, withdrawalReason,
        changePending);
  }
}
