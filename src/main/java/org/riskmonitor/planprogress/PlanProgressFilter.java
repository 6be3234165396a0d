package org.riskmonitor.planprogress;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Which plan lines the plan-progress page shows; an empty field does not narrow. {@code behind}
 * keeps only the lines behind schedule.
 */
public record PlanProgressFilter(Integer year, Long plan, String productKind, String district, Long lab, String venue,
                                 Boolean behind) {

  public static final PlanProgressFilter NONE = new PlanProgressFilter(null, null, null, null, null, null, null);

  public PlanProgressFilter {
    productKind = blankToNull(productKind);
    district = blankToNull(district);
    venue = blankToNull(venue);
  }

  public boolean behindOnly() {
    return Boolean.TRUE.equals(behind);
  }

  /** The same filter narrowed to one plan: where a plan's totals lead. */
  public PlanProgressFilter withPlan(long planId) {
    return new PlanProgressFilter(year, planId, productKind, district, lab, venue, behind);
  }

  /** The filter as a query string, carried by the page's links and exports. */
  public String query() {
    UriComponentsBuilder query = UriComponentsBuilder.newInstance();
    addIfSet(query, "year", year);
    addIfSet(query, "plan", plan);
    addIfSet(query, "productKind", productKind);
    addIfSet(query, "district", district);
    addIfSet(query, "lab", lab);
    addIfSet(query, "venue", venue);
    if (behindOnly()) {
      query.queryParam("behind", true);
    }
    String built = query.encode().build().getQuery();
    return built == null ? "" : built;
  }

  private static void addIfSet(UriComponentsBuilder query, String name, Object value) {
    if (value != null) {
      query.queryParam(name, value);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
