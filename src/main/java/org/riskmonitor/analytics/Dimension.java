package org.riskmonitor.analytics;

/** What the programme figures are broken down by: the SQL expressions over case c, enterprise e, kind pk, district d. */
public enum Dimension {
  PRODUCT_KIND("按产品种类 By product kind", "c.product_kind", "pk.name_zh"),
  DISTRICT("按区 By district", "e.district_code", "d.name"),
  CLUSTER("按产业集群 By industrial cluster", "COALESCE(e.industrial_cluster, '-')", "COALESCE(e.industrial_cluster, '-')");

  private final String label;
  private final String codeExpression;
  private final String nameExpression;

  Dimension(String label, String codeExpression, String nameExpression) {
    this.label = label;
    this.codeExpression = codeExpression;
    this.nameExpression = nameExpression;
  }

  public String label() {
    return label;
  }

  /** The name its table is exported under: by-product-kind, by-district, by-cluster. */
  public String exportName() {
    return "by-" + name().toLowerCase().replace('_', '-');
  }

  String codeExpression() {
    return codeExpression;
  }

  String nameExpression() {
    return nameExpression;
  }
}
