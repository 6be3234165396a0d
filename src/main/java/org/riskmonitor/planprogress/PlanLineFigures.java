package org.riskmonitor.planprogress;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of an approved monitoring plan as the database counts it: what was planned and how many
 * of its cases reached each stage (see {@code PlanProgressMapper.xml} for what each count means).
 */
public record PlanLineFigures(long lineId, long planId, String planNumber, int planYear, String planTitle, int lineNo,
                              String productKind, String productKindName, String venue, String districtCode,
                              String districtName, long labId, String labName, int batches, LocalDate periodFrom,
                              LocalDate periodTo, BigDecimal samplingBudgetPerBatch, BigDecimal testingBudgetPerBatch,
                              long opened, long sampled, long tested, long nonconforming, long closed) {

  public String planLabel() {
    return PlanProgress.planNumber(planNumber, planId);
  }

  public String venueLabel() {
    return PlanProgress.venueLabel(venue);
  }
}
