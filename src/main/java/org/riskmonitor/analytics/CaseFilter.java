package org.riskmonitor.analytics;

/**
 * Which cases a dashboard figure counts; an empty field does not narrow. Lab means any lab that
 * reported on the case (first test, re-test or re-inspection), expert the expert assigned to it.
 */
public record CaseFilter(String productKind, String district, String cluster, Long lab, String expert,
                         String riskLevel, String outcome) {

  public static final CaseFilter NONE = new CaseFilter(null, null, null, null, null, null, null);

  public CaseFilter {
    productKind = blankToNull(productKind);
    district = blankToNull(district);
    cluster = blankToNull(cluster);
    expert = blankToNull(expert);
    riskLevel = blankToNull(riskLevel);
    outcome = blankToNull(outcome);
  }

  /** Whether any field narrows; the SQL leaves the case subquery out when none does. */
  public boolean any() {
    return productKind != null || district != null || cluster != null || lab != null || expert != null
        || riskLevel != null || outcome != null;
  }

  /** The same filter narrowed to one product kind: the cases behind one product kind's row. */
  public CaseFilter withProductKind(String kind) {
    return new CaseFilter(kind, district, cluster, lab, expert, riskLevel, outcome);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
