package org.riskmonitor.planprogress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * An approved plan of 2035 with three lines, made by SQL as the plan process would leave it, and
 * cases opened the usual way and then attached to its lines, each left in a different state. The
 * clock stands on 1 July 2035: 181 of the year's 365 days have passed (49.6 %).
 */
class PlanProgressTest extends RiskMonitorTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2035, 7, 1, 10, 0);
  private static final String BIKES = DemoPeople.ENTERPRISES.get(0).get(0);
  private static final String CABLES = DemoPeople.ENTERPRISES.get(1).get(0);

  @Autowired
  private CaseWalker walker;

  @Autowired
  private PlanProgress progress;

  @Autowired
  private TestRestTemplate rest;

  private static boolean planned;
  private static long planId;
  private static long draftPlanId;
  private static long bikeLine;
  private static long cableLine;
  private static long springLine;
  private static long labA;
  private static long labB;
  private static String openedOnly;
  private static String sampledOnly;
  private static String closedConforming;
  private static String nonconforming;
  private static String overturned;
  private static String cableSampled;

  @BeforeEach
  void planWithCasesInEveryState() {
    ClockUtil.setCurrentTime(at(NOW));
    synchronized (PlanProgressTest.class) {
      if (planned) {
        return;
      }
      List<Long> labs = jdbc.queryForList("SELECT id FROM rm_lab ORDER BY id", Long.class);
      labA = labs.get(0);
      labB = labs.get(1);
      planId = plan("PT-2035-001", "APPROVED");
      // an e-bike line of the whole year, well ahead: 4 of 5 batches sampled
      bikeLine = line(planId, 1, "E_BIKE", "PRODUCTION", "120116", 5, labA, "2035-01-01", "2035-12-31", "800.00", "1500.50");
      // a cable line of the whole year, behind: 1 of 10 sampled
      cableLine = line(planId, 2, "WIRE_CABLE", "DISTRIBUTION", "120113", 10, labB, "2035-01-01", "2035-12-31", "600.00", "900.00");
      // a first-quarter line that ended with nothing opened
      springLine = line(planId, 3, "WIRE_CABLE", "PRODUCTION", "120113", 3, labA, "2035-01-01", "2035-03-31", "500.00", "700.00");
      draftPlanId = plan("PT-2035-002", "DRAFT");
      line(draftPlanId, 1, "E_BIKE", "PRODUCTION", "120116", 7, labA, "2035-01-01", "2035-12-31", "1.00", "1.00");

      openedOnly = open(BIKES, "E_BIKE", bikeLine);
      sampledOnly = open(BIKES, "E_BIKE", bikeLine);
      walker.advanceTo(sampledOnly, "Task_ReceiveSample", Route.allItemsPass());
      closedConforming = open(BIKES, "E_BIKE", bikeLine);
      walker.finish(closedConforming, Route.allItemsPass());
      nonconforming = open(BIKES, "E_BIKE", bikeLine);
      walker.advanceTo(nonconforming, "Task_RespondToResult", Route.remediated());
      overturned = open(BIKES, "E_BIKE", bikeLine);
      walker.advanceTo(overturned, "Task_CloseCase",
          Route.remediated().with(r -> r.objection = Route.Objection.RETEST_OVERTURNS));
      cableSampled = open(CABLES, "WIRE_CABLE", cableLine);
      walker.advanceTo(cableSampled, "Task_ReceiveSample", Route.allItemsPass());
      // a case of no plan line counts nowhere
      walker.advanceTo(walker.open(CABLES, "WIRE_CABLE", "电线").getBusinessKey(), "Task_ReceiveSample",
          Route.allItemsPass());
      planned = true;
    }
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void eachLineAndThePlanCountTheirCasesByStage_andPriceThem() {
    PlanProgress.Report report = progress.report(new PlanProgressFilter(null, planId, null, null, null, null, null));

    assertThat(report.today()).isEqualTo(LocalDate.of(2035, 7, 1));
    assertThat(report.lines()).extracting(l -> l.figures().lineId()).containsExactly(bikeLine, cableLine, springLine);
    LineProgress bikes = line(report, bikeLine);
    // opened 5; sampled all but the one opened only; tested the closed, the nonconforming and the
    // overturned one; nonconforming only the one whose failure stands; closed the conforming one
    assertThat(bikes.figures()).extracting(PlanLineFigures::batches, PlanLineFigures::opened, PlanLineFigures::sampled,
        PlanLineFigures::tested, PlanLineFigures::nonconforming, PlanLineFigures::closed)
        .containsExactly(5, 5L, 4L, 3L, 1L, 1L);
    // committed 5 × (800 + 1500.50); spent 4 × 800 + 3 × 1500.50
    assertThat(bikes.committed()).isEqualByComparingTo("11502.50");
    assertThat(bikes.spent()).isEqualByComparingTo("7701.50");
    assertThat(bikes.plannedBudget()).isEqualByComparingTo("11502.50");
    assertThat(bikes.behind()).isFalse();
    assertThat(bikes.pointsBehind()).isZero();

    LineProgress cables = line(report, cableLine);
    assertThat(cables.figures()).extracting(PlanLineFigures::opened, PlanLineFigures::sampled, PlanLineFigures::tested,
        PlanLineFigures::nonconforming, PlanLineFigures::closed).containsExactly(1L, 1L, 0L, 0L, 0L);
    assertThat(cables.committed()).isEqualByComparingTo("1500.00");
    assertThat(cables.spent()).isEqualByComparingTo("600.00");
    // 181/365 of the year gone, 1/10 sampled: 39.6 points behind; 5 batches were due, 4 are short
    assertThat(cables.behind()).isTrue();
    assertThat(cables.pointsBehind()).isCloseTo(100.0 * 181 / 365 - 10, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(cables.batchesShort()).isEqualTo(4);
    assertThat(cables.unopenedAfterEnd()).isZero();

    LineProgress spring = line(report, springLine);
    assertThat(spring.behind()).isTrue();
    assertThat(spring.unopenedAfterEnd()).isEqualTo(3);
    assertThat(spring.elapsedShare()).isEqualTo(1.0);
    assertThat(spring.committed()).isEqualByComparingTo("0");

    assertThat(report.plans()).singleElement().satisfies(p -> {
      assertThat(p.planNumber()).isEqualTo("PT-2035-001");
      assertThat(p).extracting(PlanTotals::lines, PlanTotals::batches, PlanTotals::opened, PlanTotals::sampled,
          PlanTotals::tested, PlanTotals::nonconforming, PlanTotals::closed, PlanTotals::linesBehind)
          .containsExactly(3, 18L, 6L, 5L, 3L, 1L, 1L, 2);
      assertThat(p.committed()).isEqualTo(new BigDecimal("13002.50"));
      assertThat(p.spent()).isEqualTo(new BigDecimal("8301.50"));
      assertThat(p.plannedBudget()).isEqualTo(new BigDecimal("30102.50"));
    });

    String page = asManager("/dashboard/plan-progress?plan=" + planId);
    assertThat(page).contains("计划进度 Plan progress", "PT-2035-001", "id=\"line-" + cableLine + "\" class=\"behind\"",
        "id=\"line-" + bikeLine + "\" class=\"on-schedule\"", "39.6 points behind, 4 batches short",
        "3 batches never opened", "13,002.50", "8,301.50", "7,701.50",
        "href=\"/dashboard/plan-progress/cases?figure=nonconforming&amp;line=" + bikeLine + "&amp;plan=" + planId + "\">1<");
    assertThat(asManager("/dashboard")).contains("href=\"/dashboard/plan-progress\"");
  }

  @Test
  void eachCountLeadsToItsCases() {
    String query = "&line=" + bikeLine + "&plan=" + planId;
    assertThat(asManager("/dashboard/plan-progress/cases?figure=opened" + query))
        .contains(openedOnly, sampledOnly, closedConforming, nonconforming, overturned).doesNotContain(cableSampled);
    assertThat(asManager("/dashboard/plan-progress/cases?figure=sampled" + query))
        .contains(sampledOnly, closedConforming, nonconforming, overturned).doesNotContain(openedOnly);
    assertThat(asManager("/dashboard/plan-progress/cases?figure=tested" + query))
        .contains(closedConforming, nonconforming, overturned).doesNotContain(openedOnly, sampledOnly);
    assertThat(asManager("/dashboard/plan-progress/cases?figure=nonconforming" + query))
        .contains("不合格 Nonconforming · PT-2035-001 第1行 line 1", nonconforming).doesNotContain(overturned, closedConforming);
    assertThat(asManager("/dashboard/plan-progress/cases?figure=closed" + query))
        .contains(closedConforming).doesNotContain(nonconforming, overturned);
    // the plan's total: every line shown
    assertThat(asManager("/dashboard/plan-progress/cases?figure=sampled&plan=" + planId))
        .contains(sampledOnly, cableSampled, "/dashboard/cases/" + cableSampled);
    // behind only: the e-bike line is on time, so its cases are not behind the total
    assertThat(asManager("/dashboard/plan-progress/cases?figure=sampled&behind=true&plan=" + planId))
        .contains(cableSampled).doesNotContain(sampledOnly);
  }

  @Test
  void filtersNarrowTheLines_andDraftsNeverShow() {
    assertThat(lineIds(new PlanProgressFilter(2035, null, null, null, null, null, null)))
        .contains(bikeLine, cableLine, springLine)
        .allSatisfy(id -> assertThat(count("rm_plan_line", "id = ? AND plan_id = ?", id, draftPlanId)).isZero());
    assertThat(lineIds(new PlanProgressFilter(null, planId, "WIRE_CABLE", null, null, null, null)))
        .containsExactly(cableLine, springLine);
    assertThat(lineIds(new PlanProgressFilter(null, planId, null, "120116", null, null, null))).containsExactly(bikeLine);
    assertThat(lineIds(new PlanProgressFilter(null, planId, null, null, labB, null, null))).containsExactly(cableLine);
    assertThat(lineIds(new PlanProgressFilter(null, planId, null, null, null, "DISTRIBUTION", null)))
        .containsExactly(cableLine);
    assertThat(lineIds(new PlanProgressFilter(2040, null, null, null, null, null, null))).doesNotContain(bikeLine);

    PlanProgress.Report behind = progress.report(new PlanProgressFilter(null, planId, null, null, null, null, true));
    assertThat(behind.lines()).extracting(l -> l.figures().lineId()).containsExactly(cableLine, springLine);
    assertThat(behind.total()).extracting(PlanTotals::batches, PlanTotals::opened, PlanTotals::linesBehind)
        .containsExactly(13L, 1L, 2);

    String page = asManager("/dashboard/plan-progress?plan=" + planId + "&productKind=WIRE_CABLE&behind=true");
    assertThat(page).contains("id=\"line-" + cableLine + "\"", "id=\"line-" + springLine + "\"",
        "<option value=\"WIRE_CABLE\" selected=\"selected\">", "name=\"behind\" value=\"true\" checked=\"checked\"")
        .doesNotContain("id=\"line-" + bikeLine + "\"");
  }

  @Test
  void csvAndXlsxCarryTheFiguresOfTheFilteredTable() throws IOException {
    String csv = new String(download("lines.csv?plan=" + planId), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF\"计划编号 Plan\"")
        .contains("\"PT-2035-001\",\"2035\",\"1\",\"电动自行车\",\"生产领域 Production\",\"滨海新区\"")
        .contains("\"5\",\"5\",\"4\",\"3\",\"1\",\"1\",\"11502.50\",\"11502.50\",\"7701.50\",\"49.6\",\"80.0\",\"0.0\",\"0\",\"0\",\"否 No\"")
        .contains("\"10\",\"1\",\"1\",\"0\",\"0\",\"0\",\"15000.00\",\"1500.00\",\"600.00\",\"49.6\",\"10.0\",\"39.6\",\"4\",\"0\",\"是 Yes\"")
        .contains("\"3\",\"0\",\"0\",\"0\",\"0\",\"0\",\"3600.00\",\"0.00\",\"0.00\",\"100.0\",\"0.0\",\"100.0\",\"3\",\"3\",\"是 Yes\"");
    assertThat(new String(download("lines.csv?plan=" + planId + "&venue=DISTRIBUTION"), StandardCharsets.UTF_8)
        .split("\r\n")).hasSize(2);
    assertThat(new String(download("plans.csv?plan=" + planId), StandardCharsets.UTF_8))
        .contains("\"PT-2035-001\",\"2035\",\"抽检计划 Test plan\",\"3\",\"18\",\"6\",\"5\",\"3\",\"1\",\"1\",\"30102.50\",\"13002.50\",\"8301.50\",\"2\"")
        .contains("\"合计 Total\"");

    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(download("lines.xlsx?plan=" + planId)))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows).hasSize(4);
      assertThat(rows.get(0).getCellText(9)).isEqualTo("计划批次 Planned");
      Row bikes = rows.get(1);
      assertThat(bikes.getCellText(0)).isEqualTo("PT-2035-001");
      assertThat(List.of(9, 10, 11, 12, 13, 14)).extracting(c -> number(bikes, c))
          .containsExactly(new BigDecimal("5"), new BigDecimal("5"), new BigDecimal("4"), new BigDecimal("3"),
              BigDecimal.ONE, BigDecimal.ONE);
      assertThat(number(bikes, 16)).isEqualByComparingTo("11502.50");
      assertThat(number(bikes, 17)).isEqualByComparingTo("7701.50");
      Row cables = rows.get(2);
      assertThat(number(cables, 20)).isEqualByComparingTo("39.6");
      assertThat(number(cables, 21)).isEqualByComparingTo("4");
      assertThat(cables.getCellText(23)).isEqualTo("是 Yes");
    }
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(download("plans.xlsx?plan=" + planId)))) {
      Row plan = workbook.getFirstSheet().read().get(1);
      assertThat(number(plan, 11)).isEqualByComparingTo("13002.50");
      assertThat(number(plan, 12)).isEqualByComparingTo("8301.50");
      assertThat(number(plan, 13)).isEqualByComparingTo("2");
    }
  }

  @Test
  void badFiltersAreRefusedInBothLanguages() {
    Map<String, String> refusals = Map.ofEntries(
        Map.entry("/dashboard/plan-progress?year=abc", "参数格式不正确 Parameters have the wrong format: year"),
        Map.entry("/dashboard/plan-progress?year=99999999999", "参数格式不正确 Parameters have the wrong format: year"),
        Map.entry("/dashboard/plan-progress?year=1999", "计划年度应在2000—2999之间 The plan year must be between 2000 and 2999"),
        Map.entry("/dashboard/plan-progress?plan=x1", "参数格式不正确 Parameters have the wrong format: plan"),
        Map.entry("/dashboard/plan-progress?plan=999999999", "没有该已批准的监测计划 No such approved monitoring plan"),
        Map.entry("/dashboard/plan-progress?plan=" + draftPlanId, "没有该已批准的监测计划 No such approved monitoring plan"),
        Map.entry("/dashboard/plan-progress?productKind=ROCKET", "没有该产品种类 No such product kind"),
        Map.entry("/dashboard/plan-progress?district=999999", "没有该区 No such district"),
        Map.entry("/dashboard/plan-progress?lab=-1", "没有该检验机构 No such lab"),
        Map.entry("/dashboard/plan-progress?venue=MOON", "没有该抽样场所 No such venue"),
        Map.entry("/dashboard/plan-progress?behind=perhaps", "参数格式不正确 Parameters have the wrong format: behind"),
        Map.entry("/dashboard/plan-progress/cases?figure=secrets", "没有该指标，应为 No such figure"),
        Map.entry("/dashboard/plan-progress/cases", "缺少参数 figure Parameter figure is required"),
        Map.entry("/dashboard/plan-progress/cases?figure=opened&line=first", "参数 line 格式不正确 Parameter line has the wrong format"),
        Map.entry("/dashboard/plan-progress/export/lines.csv?venue=MOON", "没有该抽样场所 No such venue"),
        Map.entry("/dashboard/plan-progress/export/lines.xlsx?year=abc", "Parameters have the wrong format: year"));
    refusals.forEach((path, message) -> {
      ResponseEntity<String> response = rest.withBasicAuth("manager", DemoPeople.PASSWORD).getForEntity(path, String.class);
      assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
      assertThat(response.getBody()).as(path).contains(message);
    });
    assertThat(rest.withBasicAuth("manager", DemoPeople.PASSWORD)
        .getForEntity("/dashboard/plan-progress/export/secrets.csv", String.class).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void onlyManagersAndCoordinatorsSeePlanProgress() {
    for (String user : List.of("manager", "coordinator")) {
      assertThat(rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity("/dashboard/plan-progress", String.class)
          .getStatusCode().value()).as(user).isEqualTo(200);
    }
    for (String user : List.of("enterprise1", "lab1", "sampler")) {
      for (String path : List.of("/dashboard/plan-progress", "/dashboard/plan-progress/cases?figure=opened",
          "/dashboard/plan-progress/export/lines.csv", "/dashboard/plan-progress/export/plans.xlsx")) {
        ResponseEntity<String> response = rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(user + " " + path).isEqualTo(403);
        assertThat(Optional.ofNullable(response.getBody()).orElse("")).as(user + " " + path).doesNotContain("PT-2035-001");
      }
    }
    // nobody logged in is sent to the Tasklist login
    assertThat(Optional.ofNullable(rest.getForEntity("/dashboard/plan-progress/export/lines.csv", String.class).getBody())
        .orElse("")).doesNotContain("PT-2035-001");
  }

  private long plan(String number, String status) {
    jdbc.update("INSERT INTO rm_monitoring_plan (plan_number, plan_year, title, status, version, drafted_by, drafted_at,"
        + " approved_by, approved_at) VALUES (?, 2035, '抽检计划 Test plan', ?, 1, 'coordinator', ?, ?, ?)",
        number, status, NOW.minusMonths(7), status.equals("APPROVED") ? "manager" : null,
        status.equals("APPROVED") ? NOW.minusMonths(7) : null);
    return jdbc.queryForObject("SELECT id FROM rm_monitoring_plan WHERE plan_number = ?", Long.class, number);
  }

  private long line(long plan, int lineNo, String kind, String venue, String district, int batches, long lab,
                    String from, String to, String samplingBudget, String testingBudget) {
    jdbc.update("INSERT INTO rm_plan_line (plan_id, line_no, product_kind, venue, district_code, batches, lab_id,"
        + " period_from, period_to, sampling_budget_per_batch, testing_budget_per_batch, cases_opened)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", plan, lineNo, kind, venue, district, batches, lab,
        LocalDate.parse(from), LocalDate.parse(to), new BigDecimal(samplingBudget), new BigDecimal(testingBudget));
    return jdbc.queryForObject("SELECT id FROM rm_plan_line WHERE plan_id = ? AND line_no = ?", Long.class, plan, lineNo);
  }

  /** Opens a case the current way and takes one batch of the line for it, as opening from a line will. */
  private String open(String uscc, String kind, long lineId) {
    String caseNumber = walker.open(uscc, kind, kind.equals("E_BIKE") ? "电动自行车" : "电线").getBusinessKey();
    jdbc.update("UPDATE rm_monitoring_case SET plan_line_id = ? WHERE case_number = ?", lineId, caseNumber);
    jdbc.update("UPDATE rm_plan_line SET cases_opened = cases_opened + 1 WHERE id = ?", lineId);
    return caseNumber;
  }

  private List<Long> lineIds(PlanProgressFilter filter) {
    return progress.report(filter).lines().stream().map(l -> l.figures().lineId()).toList();
  }

  private static LineProgress line(PlanProgress.Report report, long lineId) {
    return report.lines().stream().filter(l -> l.figures().lineId() == lineId).findFirst().orElseThrow();
  }

  private static BigDecimal number(Row row, int column) {
    return row.getCellAsNumber(column).orElseThrow();
  }

  private String asManager(String path) {
    ResponseEntity<String> response = rest.withBasicAuth("manager", DemoPeople.PASSWORD).getForEntity(path, String.class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return response.getBody();
  }

  private byte[] download(String file) {
    ResponseEntity<byte[]> response = rest.withBasicAuth("manager", DemoPeople.PASSWORD)
        .getForEntity("/dashboard/plan-progress/export/" + file, byte[].class);
    assertThat(response.getStatusCode().value()).as(file).isEqualTo(200);
    return response.getBody();
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }
}
