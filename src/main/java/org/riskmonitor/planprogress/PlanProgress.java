package org.riskmonitor.planprogress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.riskmonitor.analytics.CaseRow;
import org.riskmonitor.analytics.Choice;
import org.riskmonitor.analytics.Table;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.Venue;
import org.riskmonitor.web.BadParameter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * How far the approved monitoring plans have come: per plan line and per plan, batches planned,
 * opened, sampled, tested, nonconforming and closed, the budget committed and spent, and the lines
 * behind schedule, as of today on the regulator's clock.
 */
@Service
public class PlanProgress {

  /** Longest list of cases behind a number; the page says when a list was cut. */
  public static final int CASE_LIST_LIMIT = 500;

  /** The counts that lead to the cases behind them. */
  public static final Map<String, String> CASE_FIGURES = Map.of("opened", "已立案 Opened", "sampled", "已抽样 Sampled",
      "tested", "已检验 Tested", "nonconforming", "不合格 Nonconforming", "closed", "已结案 Closed");

  /** The page as of {@code today}: the lines shown, their plans' totals and the grand total. */
  public record Report(LocalDate today, double tolerancePoints, PlanProgressFilter filter, List<LineProgress> lines,
                       List<PlanTotals> plans, PlanTotals total) {
  }

  private final PlanProgressMapper mapper;
  private final RegulatorClock clock;
  private final double tolerancePoints;

  public PlanProgress(PlanProgressMapper mapper, RegulatorClock clock,
                      @Value("${riskmonitor.plan-progress.tolerance-points:10}") double tolerancePoints) {
    this.mapper = mapper;
    this.clock = clock;
    this.tolerancePoints = tolerancePoints;
  }

  /** The filter's choices by field; {@link #check} holds a filter to them. */
  public Map<String, List<Choice>> choices() {
    Map<String, List<Choice>> choices = new LinkedHashMap<>();
    choices.put("year", mapper.planYears().stream().map(y -> new Choice(y.toString(), y.toString())).toList());
    choices.put("plan", mapper.plans().stream().map(PlanProgressMapper.Named::choice).toList());
    choices.put("productKind", mapper.productKinds());
    choices.put("district", mapper.districts());
    choices.put("lab", mapper.labs().stream().map(PlanProgressMapper.Named::choice).toList());
    choices.put("venue", Arrays.stream(Venue.values()).map(v -> new Choice(v.name(), v.label())).toList());
    return choices;
  }

  /**
   * Refuses a filter naming a plan, product kind, district, lab or venue that does not exist, or a
   * year no plan could have, with a bilingual message, rather than showing an empty page.
   */
  public void check(PlanProgressFilter filter, Map<String, List<Choice>> choices) {
    if (filter.year() != null && (filter.year() < 2000 || filter.year() > 2999)) {
      throw new BadParameter("计划年度应在2000—2999之间 The plan year must be between 2000 and 2999");
    }
    refuseUnknown(choices.get("plan"), filter.plan(), "没有该已批准的监测计划 No such approved monitoring plan");
    refuseUnknown(choices.get("productKind"), filter.productKind(), "没有该产品种类 No such product kind");
    refuseUnknown(choices.get("district"), filter.district(), "没有该区 No such district");
    refuseUnknown(choices.get("lab"), filter.lab(), "没有该检验机构 No such lab");
    refuseUnknown(choices.get("venue"), filter.venue(), "没有该抽样场所 No such venue");
  }

  private static void refuseUnknown(List<Choice> choices, Object value, String message) {
    if (value != null && choices.stream().noneMatch(c -> c.code().equals(value.toString()))) {
      throw new BadParameter(message);
    }
  }

  /** The lines matching the filter as of today, their plans' totals and the total of all. */
  public Report report(PlanProgressFilter filter) {
    LocalDate today = clock.today();
    List<LineProgress> lines = mapper.lines(filter).stream()
        .map(f -> LineProgress.on(today, tolerancePoints, f))
        .filter(l -> !filter.behindOnly() || l.behind())
        .toList();
    Map<Long, List<LineProgress>> byPlan = lines.stream()
        .collect(Collectors.groupingBy(l -> l.figures().planId(), LinkedHashMap::new, Collectors.toList()));
    List<PlanTotals> plans = new ArrayList<>();
    byPlan.forEach((planId, planLines) -> {
      PlanLineFigures first = planLines.get(0).figures();
      plans.add(PlanTotals.of(planId, first.planNumber(), first.planYear(), first.planTitle(), planLines));
    });
    return new Report(today, tolerancePoints, filter, lines, List.copyOf(plans),
        PlanTotals.of(null, null, null, null, lines));
  }

  /** The cases behind a count, and what they are, as the list's heading says it. */
  public record CaseList(String heading, List<CaseRow> cases) {
  }

  /**
   * The cases behind a count: of one line ({@code lineId}) or of every line the filter shows. A line
   * the filter does not show has none.
   */
  public CaseList casesBehind(String figure, Long lineId, PlanProgressFilter filter) {
    String figureName = figure == null ? null : CASE_FIGURES.get(figure);
    if (figureName == null) {
      throw new BadParameter("没有该指标，应为 No such figure; one of: opened, sampled, tested, nonconforming, closed");
    }
    List<LineProgress> lines = report(filter).lines().stream()
        .filter(l -> lineId == null || l.figures().lineId() == lineId).toList();
    String heading = figureName + (lineId == null ? "" : lines.stream().findFirst()
        .map(l -> " · " + l.figures().planLabel() + " 第" + l.figures().lineNo() + "行 line " + l.figures().lineNo())
        .orElse(""));
    List<Long> lineIds = lines.stream().map(l -> l.figures().lineId()).toList();
    return new CaseList(heading, lineIds.isEmpty() ? List.of() : mapper.cases(figure, lineIds, CASE_LIST_LIMIT));
  }

  /** The page's line or plan table as it is exported; null for a table the page does not have. */
  public Table export(String name, PlanProgressFilter filter) {
    Report report = report(filter);
    return switch (name) {
      case "lines" -> linesTable(report);
      case "plans" -> plansTable(report);
      default -> null;
    };
  }

  private static Table linesTable(Report report) {
    List<List<Object>> rows = report.lines().stream().map(l -> {
      PlanLineFigures f = l.figures();
      return List.<Object>of(planNumber(f.planNumber(), f.planId()), f.planYear(), f.lineNo(), f.productKindName(),
          venueLabel(f.venue()), f.districtName(), f.labName(), f.periodFrom().toString(), f.periodTo().toString(),
          f.batches(), f.opened(), f.sampled(), f.tested(), f.nonconforming(), f.closed(), l.plannedBudget(),
          l.committed(), l.spent(), percent(l.elapsedShare()), percent(l.sampledShare()), tenth(l.pointsBehind()),
          l.batchesShort(), l.unopenedAfterEnd(), l.behind() ? "是 Yes" : "否 No");
    }).toList();
    return new Table("lines", List.of("计划编号 Plan", "年度 Year", "行号 Line", "产品种类 Product kind",
        "抽样场所 Venue", "区 District", "检验机构 Lab", "开始 From", "结束 To", "计划批次 Planned", "已立案 Opened",
        "已抽样 Sampled", "已检验 Tested", "不合格 Nonconforming", "已结案 Closed", "计划预算（元） Planned budget (yuan)",
        "已承诺（元） Committed (yuan)", "已支出（元） Spent (yuan)", "时间进度（%） Period elapsed (%)",
        "抽样进度（%） Batches sampled (%)", "落后（百分点） Points behind", "需补抽批次 Batches short",
        "期满未立案批次 Batches never opened", "进度落后 Behind schedule"), rows);
  }

  private static Table plansTable(Report report) {
    List<List<Object>> rows = new ArrayList<>();
    report.plans().forEach(p -> rows.add(planRow(planNumber(p.planNumber(), p.planId()), p.planYear(), p.planTitle(), p)));
    rows.add(planRow("合计 Total", "", "", report.total()));
    return new Table("plans", List.of("计划编号 Plan", "年度 Year", "名称 Title", "计划行 Lines", "计划批次 Planned",
        "已立案 Opened", "已抽样 Sampled", "已检验 Tested", "不合格 Nonconforming", "已结案 Closed",
        "计划预算（元） Planned budget (yuan)", "已承诺（元） Committed (yuan)", "已支出（元） Spent (yuan)",
        "落后计划行 Lines behind schedule"), rows);
  }

  private static List<Object> planRow(String number, Object year, String title, PlanTotals t) {
    return List.of(number, year, title, t.lines(), t.batches(), t.opened(), t.sampled(), t.tested(), t.nonconforming(),
        t.closed(), t.plannedBudget(), t.committed(), t.spent(), t.linesBehind());
  }

  /** A plan's number, or its id until the number is set right after the insert. */
  public static String planNumber(String number, long planId) {
    return number == null ? "#" + planId : number;
  }

  /** A venue's bilingual name; a venue this version does not know is shown as stored. */
  public static String venueLabel(String venue) {
    return Arrays.stream(Venue.values()).filter(v -> v.name().equals(venue)).map(Venue::label).findFirst()
        .orElse(venue);
  }

  private static double percent(double share) {
    return tenth(share * 100);
  }

  private static double tenth(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }
}
