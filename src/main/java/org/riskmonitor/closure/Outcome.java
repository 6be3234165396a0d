package org.riskmonitor.closure;

/**
 * How a case ends, and the list the enterprise enters: the red list for a conforming result, an
 * objection upheld or a completed remediation; the black list after a public announcement.
 */
public enum Outcome {
  CONFORMING("检验合格 Conforming", ListEntry.RED),
  OBJECTION_UPHELD("复检合格，原结论撤销 Objection upheld", ListEntry.RED),
  REMEDIATED("整改完成，复查合格 Remediated", ListEntry.RED),
  ANNOUNCED("复查不合格或逾期未整改，已公告 Announced", ListEntry.BLACK);

  public enum ListEntry {
    RED("红榜 Red list"), BLACK("黑榜 Black list");

    private final String label;

    ListEntry(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final String label;
  private final ListEntry listEntry;

  Outcome(String label, ListEntry listEntry) {
    this.label = label;
    this.listEntry = listEntry;
  }

  public String label() {
    return label;
  }

  public ListEntry listEntry() {
    return listEntry;
  }
}
