package org.riskmonitor.closure;

import java.time.LocalDateTime;

/**
 * One line of the red or black list: the enterprise that answers for a closed case (for a component
 * sampled at an assembly plant, its supplier), what was monitored and when the case closed. The
 * component is null for any other case; the assembly plant is named only for a component.
 */
public record ListedEnterprise(String listEntry, String enterpriseName, String enterpriseUscc,
                               String productKindZh, String productKindEn, String componentZh, String componentEn,
                               String productName, String assemblyPlantName, String caseNumber,
                               LocalDateTime closedAt) {

  /** The product kind, or the component and the product kind whose standard it was tested against. */
  public String monitored() {
    String kind = productKindZh + " " + productKindEn;
    return componentZh == null ? kind : "零部件 Component：" + componentZh + " " + componentEn + "（" + kind + "）";
  }

  public String listLabel() {
    return Outcome.ListEntry.valueOf(listEntry).label();
  }
}
