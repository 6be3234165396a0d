package org.riskmonitor.risk;

/** Risk levels of the EU 2019/417 matrix, worst first. */
public enum RiskLevel {
  SERIOUS("严重风险 Serious"),
  HIGH("高风险 High"),
  MEDIUM("中风险 Medium"),
  LOW("低风险 Low");

  private final String label;

  RiskLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public RiskLevel worse(RiskLevel other) {
    return other == null || ordinal() <= other.ordinal() ? this : other;
  }
}
