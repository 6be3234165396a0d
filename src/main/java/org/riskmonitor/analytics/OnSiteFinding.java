package org.riskmonitor.analytics;

/**
 * One check of the on-site checklists of a product kind, over the submitted checklists of the
 * period: how often it was checked (answered other than not applicable), how often it found
 * something, and how many of those findings became problems and are solved by now.
 */
public record OnSiteFinding(String productKind, String productKindName, String itemTitle, long checked,
                            long findings, long tracked, long solved) {

  public double findingShare() {
    return checked == 0 ? 0 : (double) findings / checked;
  }
}
