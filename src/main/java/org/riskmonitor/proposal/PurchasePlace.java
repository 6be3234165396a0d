package org.riskmonitor.proposal;

/** Where the citizen bought the product; the proposal adds the shop's, market's or platform's name. */
public enum PurchasePlace {
  SHOP("实体商店", "Shop"),
  MARKET("集贸市场", "Market"),
  ONLINE_PLATFORM("网络平台", "Online platform");

  private final String nameZh;
  private final String nameEn;

  PurchasePlace(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String label() {
    return nameZh + " " + nameEn;
  }

  /** The place by its code, or null for anything else a client sends. */
  static PurchasePlace named(String code) {
    for (PurchasePlace place : values()) {
      if (place.name().equals(code)) {
        return place;
      }
    }
    return null;
  }
}
