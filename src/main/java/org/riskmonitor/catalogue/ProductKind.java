package org.riskmonitor.catalogue;

public record ProductKind(String code, String nameZh, String nameEn, boolean highRisk) {

  public String label() {
    return nameZh + " " + nameEn;
  }
}
