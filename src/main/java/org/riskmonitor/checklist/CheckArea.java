package org.riskmonitor.checklist;

/** What an on-site check looks at; the common areas come first on every checklist, the product's own risks last. */
public enum CheckArea {
  LABEL("标识 Label"), CERTIFICATION("认证 Certification"), RECORDS("记录 Records"), STORAGE("贮存 Storage"),
  PRODUCT("产品风险点 Product risk");

  private final String label;

  CheckArea(String label) {
    this.label = label;
  }

  /** Chinese, then English. */
  public String label() {
    return label;
  }
}
