package org.riskmonitor.planprogress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a line counts as behind schedule: the period elapsed against the share sampled, day by day. */
class LineProgressTest {

  private static final LocalDate FROM = LocalDate.of(2041, 4, 1);
  // 10 days: 1 to 10 April
  private static final LocalDate TO = LocalDate.of(2041, 4, 10);

  @Test
  void nothingIsDueOnTheFirstDay_andEverythingTheDayAfterTheLast() {
    assertThat(on(FROM.minusDays(3), 10, 0, 0).elapsedShare()).isZero();
    assertThat(on(FROM, 10, 0, 0).elapsedShare()).isZero();
    assertThat(on(FROM, 10, 0, 0).behind()).isFalse();
    assertThat(on(TO, 10, 10, 9).elapsedShare()).isEqualTo(0.9);
    assertThat(on(TO.plusDays(1), 10, 10, 10).elapsedShare()).isEqualTo(1.0);
    assertThat(on(TO.plusDays(30), 10, 10, 10).behind()).isFalse();
  }

  @Test
  void behindOnlyByMoreThanTheTolerance() {
    // day 3 of 10 (2 days gone, 20 %): 1 of 10 sampled trails by 10 points, which is tolerated
    LineProgress tolerated = on(FROM.plusDays(2), 10, 1, 1);
    assertThat(tolerated.pointsBehind()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(tolerated.behind()).isFalse();
    // day 4 (30 %): 1 of 10 trails by 20 points; 3 batches were due, 2 are short
    LineProgress behind = on(FROM.plusDays(3), 10, 1, 1);
    assertThat(behind.behind()).isTrue();
    assertThat(behind.batchesShort()).isEqualTo(2);
  }

  @Test
  void anEndedLineWithBatchesNeverOpenedIsBehindEvenWithinTheTolerance() {
    // 19 of 20 sampled is 5 points short, but one batch was never opened
    LineProgress line = on(TO.plusDays(1), 20, 19, 19);
    assertThat(line.pointsBehind()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(line.unopenedAfterEnd()).isEqualTo(1);
    assertThat(line.behind()).isTrue();
    // the same line on its last day still has time to open it
    assertThat(on(TO, 20, 19, 19).behind()).isFalse();
  }

  private static LineProgress on(LocalDate today, int batches, long opened, long sampled) {
    PlanLineFigures figures = new PlanLineFigures(1, 1, "JH-2041-001", 2041, "计划", 1, "E_BIKE", "电动自行车",
        "PRODUCTION", "120116", "滨海新区", 1, "检验一所", batches, FROM, TO, new BigDecimal("100.00"),
        new BigDecimal("200.00"), opened, sampled, 0, 0, 0);
    return LineProgress.on(today, 10, figures);
  }
}
