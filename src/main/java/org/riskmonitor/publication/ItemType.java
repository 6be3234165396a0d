package org.riskmonitor.publication;

/** The kinds of item the public site shows, each with its section's bilingual name. */
public enum ItemType {
  CONSUMER_ALERT("消费提示 Consumer alert"),
  MONITORING_RESULT("监测结果 Monitoring result"),
  RED_LIST("红榜 Red list"),
  BLACK_LIST("黑榜 Black list"),
  BULLETIN("形势分析专刊 Bulletin");

  private final String label;

  ItemType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
