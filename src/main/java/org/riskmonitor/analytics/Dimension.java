package org.riskmonitor.analytics;

/** What the programme figures are broken down by: a case's product kind, its enterprise's district or industrial cluster. */
public enum Dimension {
  PRODUCT_KIND("按产品种类 By product kind"),
  DISTRICT("按区 By district"),
  CLUSTER("按产业集群 By industrial cluster");

  private final String label;
  Dimension(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The name its table is exported under: by-product-kind, by-district, by-cluster. */
  public String exportName() {
    return "by-" + name().toLowerCase().replace('_', '-');
  }
}
