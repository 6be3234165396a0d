package org.riskmonitor.publicsite;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.riskmonitor.publication.Publication;
import org.riskmonitor.publication.PublicationChange;

/**
 * An item as the public site, the feed and the API show it: only the public fields (no case, no
 * person, no internal note). A withdrawn item keeps its number, type and the withdrawal notice and
 * loses everything else.
 */
public record PublicItem(String publicNumber, String type, String typeLabel, String status, String title,
                         String productKind, String productKindName, String productName, String componentName,
                         String brand, String model, String batchNumber, LocalDate productionDate,
                         String enterpriseName, String enterpriseUscc, String districtCode, String districtName,
                         String failedItems, String hazard, String measures, String measuresBy,
                         LocalDateTime publishedAt, LocalDateTime correctedAt, LocalDateTime withdrawnAt,
                         String withdrawalReason, List<Change> changes) {

  /** A change as the public reads it: what kind, what changed, why and when; never who. */
  public record Change(String kind, String kindLabel, String whatChanged, String reason, LocalDateTime at) {
  }

  static PublicItem of(Publication p, List<PublicationChange> changes) {
    List<Change> shown = changes.stream()
        .map(c -> new Change(c.changeKind(), c.kindLabel(), c.whatChanged(), c.reason(), c.changedAt())).toList();
    if (p.withdrawn()) {
      return new PublicItem(p.publicNumber(), p.itemType(), p.type().label(), "WITHDRAWN",
          "已撤回 Withdrawn " + p.publicNumber(), null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, p.measuresBy(), null, null, p.withdrawnAt(), p.withdrawalReason(),
          shown.stream().filter(c -> c.kind().equals("WITHDRAWN")).toList());
    }
    return new PublicItem(p.publicNumber(), p.itemType(), p.type().label(), "PUBLISHED", p.title(), p.productKind(),
        p.productKindName(), p.productName(), p.componentName(), p.brand(), p.model(), p.batchNumber(),
        p.productionDate(), p.enterpriseName(), p.enterpriseUscc(), p.districtCode(), p.districtName(),
        p.failedItems(), p.hazard(), p.measures(), p.measuresBy(), p.publishedAt(), p.correctedAt(), null, null,
        shown);
  }

  public boolean withdrawn() {
    return "WITHDRAWN".equals(status);
  }

  /** Where a published bulletin's PDF is downloaded (bulletin.BulletinDownloads); null for any other item. */
  public String pdfLink() {
    return "BULLETIN".equals(type) && !withdrawn() ? "/public/bulletins/" + publicNumber + "/pdf" : null;
  }

  /** The enterprise heading: a component's enterprise is its supplier. */
  public String enterpriseLabel() {
    return componentName == null ? "企业 Enterprise" : "供应商 Supplier";
  }

  public LocalDateTime updatedAt() {
    if (withdrawnAt != null) {
      return withdrawnAt;
    }
    return correctedAt != null ? correctedAt : publishedAt;
  }
}
