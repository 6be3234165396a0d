package org.riskmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.risk.RiskLevel;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read model's figures against the SQL over history that computed them before it
 * ({@link ReferenceFiguresMapper}), for every figure of the page, over several periods and every
 * choice of every filter field: the same counts, medians, p90s and means. The cases are this
 * test's own, walked with the clock moving hours before each step, and whatever other tests of
 * the suite left in the database. The lists of cases behind the closures count as many.
 */
class DashboardFactsTest extends RiskMonitorTest {

  private static final List<String> PHASES = List.of("subProcess");
  private static final List<String> SYSTEM_STEPS = List.of("callActivity", "serviceTask", "businessRuleTask");

  @Autowired
  private CaseWalker walker;

  @Autowired
  private Dashboard dashboard;

  @Autowired
  private DashboardFacts facts;

  @Autowired
  private ReferenceFiguresMapper reference;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void everyFigureOfEveryPeriodAndFilter_isTheSqlOverHistorysFigure() {
    walkCases();
    List<CaseFilter> filters = new ArrayList<>();
    filters.add(CaseFilter.NONE);
    dashboard.choices().forEach((field, choices) -> choices.forEach(choice -> filters.add(filter(field, choice.code()))));
    List<LocalDate[]> periods = List.of(
        new LocalDate[] {LocalDate.of(2000, 1, 1), LocalDate.of(2038, 1, 1)},
        new LocalDate[] {LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)});
    DashboardFacts.Snapshot model = facts.current();
    for (LocalDate[] period : periods) {
      for (CaseFilter filter : filters) {
        agree(model, period[0].atStartOfDay(), period[1].atStartOfDay(), filter);
      }
    }
  }

  @Test
  void aCaseThatMovesOn_showsAtTheNextPage() {
    LocalDate from = LocalDate.of(2000, 1, 1);
    LocalDate to = LocalDate.of(2038, 1, 1);
    long closedBefore = dashboard.programmeFigures(from, to, CaseFilter.NONE).casesClosed();
    long sampledBefore = dashboard.programmeFigures(from, to, CaseFilter.NONE).batchesSampled();
    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(1).get(0), "WIRE_CABLE", "电线").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_ReceiveSample", Route.allItemsPass());
    assertThat(dashboard.programmeFigures(from, to, CaseFilter.NONE).batchesSampled()).isEqualTo(sampledBefore + 1);
    walker.finish(caseNumber, Route.allItemsPass());
    assertThat(dashboard.programmeFigures(from, to, CaseFilter.NONE).casesClosed()).isEqualTo(closedBefore + 1);
  }

  private void agree(DashboardFacts.Snapshot model, LocalDateTime from, LocalDateTime to, CaseFilter filter) {
    String what = from + ".." + to + " " + filter;
    PeriodFigures figures = new PeriodFigures(model, from, to, filter);
    assertThat(figures.programme()).as(what).isEqualTo(reference.figures(from, to, filter));
    assertThat(figures.riskLevels()).as(what).isEqualTo(reference.riskLevels(from, to, filter));
    assertThat(figures.breakdown(Dimension.PRODUCT_KIND)).as(what)
        .containsExactlyInAnyOrderElementsOf(reference.breakdown("c.product_kind", "pk.name_zh", from, to, filter));
    assertThat(figures.breakdown(Dimension.DISTRICT)).as(what)
        .containsExactlyInAnyOrderElementsOf(reference.breakdown("e.district_code", "d.name", from, to, filter));
    assertThat(figures.breakdown(Dimension.CLUSTER)).as(what).containsExactlyInAnyOrderElementsOf(reference.breakdown(
        "COALESCE(e.industrial_cluster, '-')", "COALESCE(e.industrial_cluster, '-')", from, to, filter));
    sameTimes(what, figures.cycleTimes(true), reference.activityCycleTimes(from, to, filter, PHASES));
    sameTimes(what, figures.cycleTimes(false), reference.activityCycleTimes(from, to, filter, SYSTEM_STEPS));
    Map<String, StepTime> steps = byId(figures.steps(), StepTime::activityId);
    Map<String, StepTime> sqlSteps = byId(reference.stepTimes(from, to, filter), StepTime::activityId);
    assertThat(steps.keySet()).as(what).isEqualTo(sqlSteps.keySet());
    steps.forEach((id, step) -> {
      StepTime sql = sqlSteps.get(id);
      assertThat(step).as(what + " " + id).usingRecursiveComparison().ignoringFields("mean").isEqualTo(sql);
      assertThat(step.mean()).as(what + " " + id).isCloseTo(sql.mean(), within(1.0));
    });
    assertThat(figures.openedByMonth()).as(what).isEqualTo(reference.openedByMonth(from, to, filter));
    ProgrammeFigures programme = figures.programme();
    if (programme.casesClosed() < Dashboard.CASE_LIST_LIMIT) {
      assertThat(casesBehind("closed", from, to, filter)).as(what).isEqualTo(programme.casesClosed());
      assertThat(casesBehind("redListed", from, to, filter)).as(what).isEqualTo(programme.redListed());
      assertThat(casesBehind("blackListed", from, to, filter)).as(what).isEqualTo(programme.blackListed());
    }
    assertThat(figures.closedByMonth()).as(what).isEqualTo(reference.closedByMonth(from, to, filter));
  }

  /** How many cases the figure's drill-down lists. */
  private long casesBehind(String figure, LocalDateTime from, LocalDateTime to, CaseFilter filter) {
    return dashboard.casesBehind(figure, null, null, from.toLocalDate(), to.toLocalDate(), filter).size();
  }

  private static void sameTimes(String what, List<CycleTime> model, List<CycleTime> sql) {
    Map<String, CycleTime> ours = byId(model, CycleTime::activityId);
    Map<String, CycleTime> theirs = byId(sql, CycleTime::activityId);
    assertThat(ours.keySet()).as(what).isEqualTo(theirs.keySet());
    ours.forEach((id, time) -> {
      assertThat(time).as(what + " " + id).usingRecursiveComparison().ignoringFields("mean").isEqualTo(theirs.get(id));
      assertThat(time.mean()).as(what + " " + id).isCloseTo(theirs.get(id).mean(), within(1.0));
    });
  }

  private static <T> Map<String, T> byId(List<T> rows, Function<T, String> id) {
    return rows.stream().collect(Collectors.toMap(id, Function.identity()));
  }

  private static CaseFilter filter(String field, String code) {
    return new CaseFilter("productKind".equals(field) ? code : null, "district".equals(field) ? code : null,
        "cluster".equals(field) ? code : null, "lab".equals(field) ? Long.valueOf(code) : null,
        "expert".equals(field) ? code : null, "riskLevel".equals(field) ? code : null,
        "outcome".equals(field) ? code : null);
  }

  /**
   * Cases of three enterprises through both kinds of path and several risk levels, from March 2026,
   * the clock moving 1 to 9 hours before each step; the last stops half way.
   */
  private void walkCases() {
    LocalDateTime clock = LocalDateTime.of(2026, 3, 2, 8, 0);
    List<Route> routes = List.of(Route.remediated(), Route.allItemsPass(),
        Route.remediated().with(r -> r.riskLevel = RiskLevel.MEDIUM), Route.remediated().with(r -> r.onSiteFinding = true),
        Route.remediated());
    for (int i = 0; i < routes.size(); i++) {
      ClockUtil.setCurrentTime(at(clock));
      List<String> enterprise = DemoPeople.ENTERPRISES.get(i % 3);
      String kind = i % 3 == 1 ? "WIRE_CABLE" : "E_BIKE_CHARGER";
      String caseNumber = walker.open(enterprise.get(0), kind, "产品" + i).getBusinessKey();
      int step = 0;
      for (Task task = walker.openTask(caseNumber); task != null && !(i == routes.size() - 1 && step > 8);
           task = walker.openTask(caseNumber)) {
        clock = clock.plusHours(1 + (step++ * 5 + i * 3) % 9);
        ClockUtil.setCurrentTime(at(clock));
        walker.submit(task, walker.valuesFor(task, routes.get(i)));
      }
      clock = clock.plusDays(2);
    }
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }
}
