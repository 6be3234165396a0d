package org.riskmonitor.planprogress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A plan line's progress on a given day: its counts, its budget, and how far it is behind schedule.
 *
 * <p>The period elapsed is the share of the period's days before today (0 on its first day, 1 the
 * day after its last); the line is behind when the share of its batches sampled trails it by more
 * than the tolerance, or when its period has ended with batches never opened.
 *
 * @param elapsedShare  share of the period elapsed, 0 to 1
 * @param sampledShare  share of the planned batches sampled, 0 to 1
 * @param pointsBehind  percentage points by which sampling trails the period elapsed, 0 if it does not
 * @param batchesShort  batches still to sample to be back on pace today
 * @param unopenedAfterEnd batches never opened of a line whose period has ended
 */
public record LineProgress(PlanLineFigures figures, BigDecimal plannedBudget, BigDecimal committed, BigDecimal spent,
                           double elapsedShare, double sampledShare, double pointsBehind, long batchesShort,
                           long unopenedAfterEnd, boolean behind) {

  static LineProgress on(LocalDate today, double tolerancePoints, PlanLineFigures f) {
    BigDecimal perBatch = f.samplingBudgetPerBatch().add(f.testingBudgetPerBatch());
    BigDecimal committed = perBatch.multiply(BigDecimal.valueOf(f.opened()));
    BigDecimal spent = f.samplingBudgetPerBatch().multiply(BigDecimal.valueOf(f.sampled()))
        .add(f.testingBudgetPerBatch().multiply(BigDecimal.valueOf(f.tested())));
    long days = ChronoUnit.DAYS.between(f.periodFrom(), f.periodTo()) + 1;
    long elapsedDays = Math.max(0, Math.min(days, ChronoUnit.DAYS.between(f.periodFrom(), today)));
    long sampled = Math.min(f.sampled(), f.batches());
    // percentage points behind times days times batches: whole numbers, so the tolerance is met exactly
    long gap = (elapsedDays * f.batches() - sampled * days) * 100;
    double points = Math.max(0, (double) gap / (days * f.batches()));
    // the batches a steady pace would have sampled by today, rounded up, less those sampled
    long due = (f.batches() * elapsedDays + days - 1) / days;
    long unopened = today.isAfter(f.periodTo()) ? Math.max(0, f.batches() - f.opened()) : 0;
    return new LineProgress(f, perBatch.multiply(BigDecimal.valueOf(f.batches())), committed, spent,
        (double) elapsedDays / days, (double) sampled / f.batches(), points, Math.max(0, due - f.sampled()), unopened,
        gap > tolerancePoints * days * f.batches() || unopened > 0);
  }
}
