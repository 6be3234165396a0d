package org.riskmonitor.yearlycatalogue;

/** Where a version of the year's catalogue stands (rm_catalogue_version.status). */
public enum VersionStatus {
  /** with the coordinator: drafted, or sent back by the expert, or returned by the manager */
  DRAFT("起草中 Being drafted"),
  IN_REVIEW("专家评审中 With the experts"),
  AWAITING_APPROVAL("待批准 Awaiting approval"),
  /** approved for good; the newest approved version is the catalogue in force */
  APPROVED("已批准 Approved");

  private final String label;

  VersionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
