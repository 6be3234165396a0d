package org.riskmonitor.cases;

/** Where the batch is sampled. */
public enum Venue {
  PRODUCTION("生产领域 Production"),
  DISTRIBUTION("流通领域 Distribution"),
  E_COMMERCE("电子商务 E-commerce"),
  /** Components waiting for assembly at an e-bike plant; their labelled manufacturer answers for them. */
  ASSEMBLY_COMPONENTS("组装厂待装零部件 Components at assembly plants");

  private final String label;

  Venue(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
