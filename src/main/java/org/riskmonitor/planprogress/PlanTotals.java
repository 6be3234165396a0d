package org.riskmonitor.planprogress;

import java.math.BigDecimal;
import java.util.List;

/**
 * The sums of the lines shown of one plan, or of all plans shown ({@code planId} null): the page's
 * filter narrows the lines first, so a plan's totals are those of its lines that match.
 */
public record PlanTotals(Long planId, String planNumber, Integer planYear, String planTitle, int lines, long batches,
                         long opened, long sampled, long tested, long nonconforming, long closed,
                         BigDecimal plannedBudget, BigDecimal committed, BigDecimal spent, int linesBehind) {

  public String planLabel() {
    return planId == null ? "合计 Total" : PlanProgress.planNumber(planNumber, planId);
  }

  static PlanTotals of(Long planId, String planNumber, Integer planYear, String planTitle, List<LineProgress> lines) {
    long batches = 0;
    long opened = 0;
    long sampled = 0;
    long tested = 0;
    long nonconforming = 0;
    long closed = 0;
    BigDecimal planned = BigDecimal.ZERO;
    BigDecimal committed = BigDecimal.ZERO;
    BigDecimal spent = BigDecimal.ZERO;
    int behind = 0;
    for (LineProgress line : lines) {
      PlanLineFigures f = line.figures();
      batches += f.batches();
      opened += f.opened();
      sampled += f.sampled();
      tested += f.tested();
      nonconforming += f.nonconforming();
      closed += f.closed();
      planned = planned.add(line.plannedBudget());
      committed = committed.add(line.committed());
      spent = spent.add(line.spent());
      behind += line.behind() ? 1 : 0;
    }
    return new PlanTotals(planId, planNumber, planYear, planTitle, lines.size(), batches, opened, sampled, tested,
        nonconforming, closed, planned.setScale(2), committed.setScale(2), spent.setScale(2), behind);
  }
}
