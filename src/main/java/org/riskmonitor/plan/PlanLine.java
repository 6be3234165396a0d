package org.riskmonitor.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.riskmonitor.cases.Venue;

/**
 * One line of a plan: so many batches of a product kind, sampled in a venue of a district and
 * tested by a lab within a period, each batch with its sampling and testing budget (yuan). The
 * names are read with the line, for the pages and option labels.
 */
public record PlanLine(Long id, long planId, int lineNo, String productKind, String venue, String districtCode,
                       int batches, long labId, LocalDate periodFrom, LocalDate periodTo,
                       BigDecimal samplingBudgetPerBatch, BigDecimal testingBudgetPerBatch, int casesOpened,
                       String kindName, String districtName, String labName) {

  /** The venue's name; a venue this build does not know is shown by its code. */
  public String venueLabel() {
    try {
      return Venue.valueOf(venue).label();
    } catch (IllegalArgumentException unknown) {
      return venue;
    }
  }

  public int remaining() {
    return Math.max(0, batches - casesOpened);
  }

  /** The same content: two such lines in one plan would be one line written twice. */
  public boolean sameAs(PlanLine other) {
    return productKind.equals(other.productKind) && venue.equals(other.venue)
        && districtCode.equals(other.districtCode) && labId == other.labId
        && periodFrom.equals(other.periodFrom) && periodTo.equals(other.periodTo);
  }
}
