package org.riskmonitor.checklist;

/** What an on-site check looks at; the common areas come first on every checklist, the product's own risks last. */
public enum CheckArea {
  LABEL("标识"), CERTIFICATION("认证"), RECORDS("记录"), STORAGE("贮存"), PRODUCT("产品风险点");

  private final String label;

  CheckArea(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
