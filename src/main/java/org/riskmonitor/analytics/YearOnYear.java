package org.riskmonitor.analytics;

import java.util.List;
import java.util.Locale;

/**
 * The dashboard's key figures as cards, each beside the same period a year before (同比): counts
 * change in per cent of the year before, the nonconformity rate in percentage points. A year
 * before with nothing to compare (no batches, or none tested for the rate) gives no change ("—"):
 * a growth from zero has no percentage.
 */
public final class YearOnYear {

  /** The suffix every change carries, so a reader knows what it is compared with. */
  static final String SUFFIX = " 同比 YoY";

  /** Which way a figure went; the page marks it, without judging whether that is good. */
  public enum Trend { UP, DOWN, SAME, NONE }

  /** A figure behind a card's main one (tested and nonconforming behind the rate...), with its cases. */
  public record Detail(String label, String figure, long count) {
  }

  /**
   * One card: {@code id} the element id of its value (a link to its cases, {@code figure} names
   * which), the value and the year before as shown, and the change.
   */
  public record Card(String id, String label, String figure, String value, String yearBefore, String change,
                     Trend trend, List<Detail> details) {

    public String trendClass() {
      return trend.name().toLowerCase(Locale.ROOT);
    }
  }

  private YearOnYear() {
  }

  public static List<Card> cards(ProgrammeFigures now, ProgrammeFigures before) {
    return List.of(
        count("batchesSampled", "监测批次 Batches sampled", "sampled", now.batchesSampled(), before.batchesSampled()),
        count("productKinds", "产品种类 Product kinds", "sampled", now.productKinds(), before.productKinds()),
        rate(now, before),
        count("expertVisits", "专家帮扶人次 Expert person-visits", "visited", now.expertVisits(), before.expertVisits()),
        count("meetingsHeld", "培训与质量分析会 Meetings held", "meetings", now.meetingsHeld(), before.meetingsHeld()),
        count("enterprisesAssisted", "帮扶企业 Enterprises assisted", "visited", now.enterprisesAssisted(),
            before.enterprisesAssisted(), new Detail("产业集群 clusters", "visited", now.clustersAssisted())),
        count("problemsFound", "发现问题 Problems found", "problemsFound", now.problemsFound(), before.problemsFound()),
        count("problemsSolved", "解决问题 Problems solved", "problemsSolved", now.problemsSolved(),
            before.problemsSolved()),
        count("casesClosed", "结案 Cases closed", "closed", now.casesClosed(), before.casesClosed(),
            new Detail("红榜 red list", "redListed", now.redListed()),
            new Detail("黑榜 black list", "blackListed", now.blackListed())));
  }

  private static Card count(String id, String label, String figure, long now, long before, Detail... details) {
    return new Card(id, label, figure, Long.toString(now), Long.toString(before), countChange(now, before),
        trend(now, before, before > 0), List.of(details));
  }

  private static Card rate(ProgrammeFigures now, ProgrammeFigures before) {
    boolean comparable = now.batchesTested() > 0 && before.batchesTested() > 0;
    return new Card("nonconformityRate", "不合格率 Nonconformity rate", "nonconforming", percent(now.nonconformityRate()),
        before.batchesTested() == 0 ? "—" : percent(before.nonconformityRate()),
        comparable ? pointsChange(now.nonconformityRate(), before.nonconformityRate()) : "—" + SUFFIX,
        trend(Math.round(now.nonconformityRate() * 1000), Math.round(before.nonconformityRate() * 1000), comparable),
        List.of(new Detail("检验 tested", "tested", now.batchesTested()),
            new Detail("不合格 nonconforming", "nonconforming", now.batchesNonconforming())));
  }

  /** {@code +12.5% 同比 YoY}, {@code −3.0% 同比 YoY}, or {@code — 同比 YoY} when the year before had none. */
  static String countChange(long now, long before) {
    if (before == 0) {
      return "—" + SUFFIX;
    }
    return signed(100.0 * (now - before) / before) + "%" + SUFFIX;
  }

  /** The change of a share in percentage points: {@code +2.5个百分点 pp 同比 YoY}. */
  static String pointsChange(double now, double before) {
    return signed(100.0 * (now - before)) + "个百分点 pp" + SUFFIX;
  }

  private static Trend trend(long now, long before, boolean comparable) {
    if (!comparable) {
      return Trend.NONE;
    }
    return now > before ? Trend.UP : now < before ? Trend.DOWN : Trend.SAME;
  }

  /** One decimal, a real minus sign (U+2212) for a fall, a plus for a rise, none for no change. */
  private static String signed(double value) {
    String magnitude = String.format(Locale.ROOT, "%.1f", Math.abs(value));
    if (magnitude.equals("0.0")) {
      return magnitude;
    }
    return (value > 0 ? "+" : "\u2212") + magnitude;
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
