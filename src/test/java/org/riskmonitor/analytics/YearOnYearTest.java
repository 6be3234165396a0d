package org.riskmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cards' change against the year before, as a manager reads it. */
class YearOnYearTest {

  @Test
  void countsChangeInPerCentOfTheYearBefore() {
    assertThat(YearOnYear.countChange(90, 80)).isEqualTo("+12.5% 同比 YoY");
    assertThat(YearOnYear.countChange(97, 100)).isEqualTo("\u22123.0% 同比 YoY");
    assertThat(YearOnYear.countChange(5, 5)).isEqualTo("0.0% 同比 YoY");
    assertThat(YearOnYear.countChange(0, 4)).isEqualTo("\u2212100.0% 同比 YoY");
  }

  @Test
  void aYearBeforeWithNothingGivesNoChange() {
    assertThat(YearOnYear.countChange(7, 0)).isEqualTo("— 同比 YoY");
    assertThat(YearOnYear.countChange(0, 0)).isEqualTo("— 同比 YoY");
  }

  @Test
  void theRateChangesInPercentagePoints() {
    // 3 of 20 (15.0 %) against 1 of 10 (10.0 %) a year before
    List<YearOnYear.Card> cards = YearOnYear.cards(figures(40, 20, 3), figures(30, 10, 1));
    YearOnYear.Card rate = card(cards, "nonconformityRate");
    assertThat(rate.value()).isEqualTo("15.0%");
    assertThat(rate.yearBefore()).isEqualTo("10.0%");
    assertThat(rate.change()).isEqualTo("+5.0个百分点 pp 同比 YoY");
    assertThat(rate.trendClass()).isEqualTo("up");
    assertThat(rate.details()).extracting(YearOnYear.Detail::figure, YearOnYear.Detail::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tested", 20L),
            org.assertj.core.groups.Tuple.tuple("nonconforming", 3L));

    YearOnYear.Card sampled = card(cards, "batchesSampled");
    assertThat(sampled.value()).isEqualTo("40");
    assertThat(sampled.change()).isEqualTo("+33.3% 同比 YoY");
    assertThat(sampled.figure()).isEqualTo("sampled");
  }

  @Test
  void nothingTestedAYearBeforeLeavesTheRateWithoutChange() {
    YearOnYear.Card rate = card(YearOnYear.cards(figures(4, 2, 1), figures(3, 0, 0)), "nonconformityRate");
    assertThat(rate.change()).isEqualTo("— 同比 YoY");
    assertThat(rate.yearBefore()).isEqualTo("—");
    assertThat(rate.trendClass()).isEqualTo("none");
  }

  private static YearOnYear.Card card(List<YearOnYear.Card> cards, String id) {
    return cards.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private static ProgrammeFigures figures(long sampled, long tested, long nonconforming) {
    return new ProgrammeFigures(sampled, 2, tested, nonconforming, 6, 1, 3, 1, 5, 4, 2, 1, 0);
  }
}
