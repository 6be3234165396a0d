package org.riskmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Cases walked with the engine clock set, in a year no other test uses, so each duration is
 * known: the SQL must give the exact counts, nearest-rank medians, p90s and means.
 */
class DashboardFiguresTest extends RiskMonitorTest {

  private static final long HOUR = 3_600_000L;

  @Autowired
  private CaseWalker walker;

  @Autowired
  private Dashboard dashboard;

  @Autowired
  private TestRestTemplate rest;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void cycleTimesOfPhasesAndSteps_andTheProgrammeFigures() throws IOException {
    // sampling takes 1, 2, 3 and 10 hours: the confirmation comes that long after the case opens
    for (int hours : new int[] {1, 2, 3, 10}) {
      ClockUtil.setCurrentTime(at(LocalDateTime.of(2030, 3, 4, 8, 0)));
      String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
      walker.advanceTo(caseNumber, "Task_ConfirmSamplingSlip", Route.remediated());
      ClockUtil.setCurrentTime(at(LocalDateTime.of(2030, 3, 4, 8, 0).plusHours(hours)));
      walker.advanceTo(caseNumber, "Task_ReceiveSample", Route.remediated());
    }
    // one case goes all the way, one day for each step, and closes remediated on the red list
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2030, 5, 6, 9, 0)));
    String closed = walker.open(DemoPeople.ENTERPRISES.get(1).get(0), "WIRE_CABLE", "电线").getBusinessKey();
    walker.finish(closed, Route.remediated());

    Dashboard.View view = dashboard.forPeriod(LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1), CaseFilter.NONE);

    CycleTime sampling = view.phases().stream().filter(c -> c.activityId().equals("Phase_Sampling")).findFirst().orElseThrow();
    assertThat(sampling.count()).isEqualTo(5);
    // durations 0 (the finished case), 1, 2, 3 and 10 hours
    assertThat(sampling.median()).isEqualTo(2 * HOUR);
    assertThat(sampling.p90()).isEqualTo(10 * HOUR);
    assertThat(sampling.mean()).isEqualTo(16.0 * HOUR / 5);
    StepTime confirm = view.steps().stream().filter(c -> c.activityId().equals("Task_ConfirmSamplingSlip"))
        .findFirst().orElseThrow();
    assertThat(confirm.count()).isEqualTo(5);
    assertThat(confirm.median()).isEqualTo(2 * HOUR);
    assertThat(view.phases()).extracting(CycleTime::activityId).contains("Phase_Closure", "Phase_Remediation");

    ProgrammeFigures f = view.figures();
    assertThat(f.batchesSampled()).isEqualTo(5);
    assertThat(f.productKinds()).isEqualTo(2);
    assertThat(f.batchesTested()).isEqualTo(1);
    assertThat(f.batchesNonconforming()).isEqualTo(1);
    assertThat(f.expertVisits()).isEqualTo(2);
    assertThat(f.meetingsHeld()).isEqualTo(1);
    assertThat(f.enterprisesAssisted()).isEqualTo(1);
    assertThat(f.clustersAssisted()).isEqualTo(1);
    assertThat(f.problemsFound()).isEqualTo(2);
    assertThat(f.problemsSolved()).isEqualTo(2);
    assertThat(f.casesClosed()).isEqualTo(1);
    assertThat(f.redListed()).isEqualTo(1);
    assertThat(f.blackListed()).isZero();
    assertThat(view.riskLevels()).extracting(LevelCount::riskLevel, LevelCount::cases)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("SERIOUS", 1L));

    String page = rest.withBasicAuth("manager", DemoPeople.PASSWORD)
        .getForEntity("/dashboard?from=2030-01-01&to=2031-01-01", String.class).getBody();
    assertThat(page).contains("监测批次", "id=\"batchesSampled\" href=\"/dashboard/cases?figure=sampled&amp;from=2030-01-01&amp;to=2031-01-01\">5<", "抽样 Sampling");

    String csv = new String(export("phases.csv"), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF\"编号 Id\"")
        .contains("\"Phase_Sampling\",\"抽样 Sampling\",\"5\",\"2.0\",\"10.0\",\"3.2\"");
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(export("phases.xlsx")))) {
      Row samplingRow = workbook.getFirstSheet().read().stream()
          .filter(r -> "Phase_Sampling".equals(r.getCellText(0))).findFirst().orElseThrow();
      assertThat(samplingRow.getCellAsNumber(2)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("5"));
      assertThat(samplingRow.getCellAsNumber(3)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("2"));
      assertThat(samplingRow.getCellAsNumber(4)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("10"));
    }
    assertThat(new String(export("figures.csv"), StandardCharsets.UTF_8)).contains("\"监测批次 Batches sampled\",\"5\"");
  }

  /**
   * 2031: an e-bike case whose slip the enterprise claims after 1 hour and confirms 3 hours later,
   * and a cable case whose slip nobody claims and is confirmed 10 days late.
   */
  @Test
  void waitingAndWorkingTime_shareOnTime_filters_openWork_trendAndDrillDown() {
    LocalDateTime start = LocalDateTime.of(2031, 7, 1, 8, 0);
    ClockUtil.setCurrentTime(at(start));
    Dashboard.View before = dashboard.forPeriod(LocalDate.of(2031, 1, 1), LocalDate.of(2032, 1, 1), CaseFilter.NONE);
    String bike = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    walker.advanceTo(bike, "Task_ConfirmSamplingSlip", Route.remediated());
    String cable = walker.open(DemoPeople.ENTERPRISES.get(1).get(0), "WIRE_CABLE", "电线").getBusinessKey();
    walker.advanceTo(cable, "Task_ConfirmSamplingSlip", Route.remediated());

    ClockUtil.setCurrentTime(at(start.plusHours(1)));
    engine.getTaskService().claim(walker.openTask(bike).getId(), "enterprise1");
    ClockUtil.setCurrentTime(at(start.plusHours(4)));
    walker.advanceTo(bike, "Task_ReceiveSample", Route.remediated());
    ClockUtil.setCurrentTime(at(start.plusDays(10)));
    walker.advanceTo(cable, "Task_ReceiveSample", Route.remediated());

    Dashboard.View view = dashboard.forPeriod(LocalDate.of(2031, 1, 1), LocalDate.of(2032, 1, 1), CaseFilter.NONE);
    StepTime confirm = view.steps().stream().filter(s -> s.activityId().equals("Task_ConfirmSamplingSlip"))
        .findFirst().orElseThrow();
    assertThat(confirm.count()).isEqualTo(2);
    // waiting 1 h and 240 h, working 3 h and 0: nearest-rank medians of two are the smaller ones
    assertThat(confirm.medianWaiting()).isEqualTo(HOUR);
    assertThat(confirm.medianWorking()).isZero();
    assertThat(confirm.p90()).isEqualTo(240 * HOUR);
    assertThat(confirm.withDueDate()).isEqualTo(2);
    assertThat(confirm.onTime()).isEqualTo(1);
    assertThat(confirm.onTimeShare()).isEqualTo(0.5);

    // both wait for their samples to be received now, 10 days and 10 days - 4 hours after entering testing
    OpenWork testing = openIn(view, "Phase_Testing");
    OpenWork testingBefore = openIn(before, "Phase_Testing");
    assertThat(testing.openCases() - testingBefore.openCases()).isEqualTo(2);
    assertThat(testing.upTo7() - testingBefore.upTo7()).isEqualTo(1);
    assertThat(testing.upTo30() - testingBefore.upTo30()).isEqualTo(1);
    assertThat(view.months()).extracting(Dashboard.MonthRow::month, Dashboard.MonthRow::opened)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2031-07", 2L));

    CaseFilter cables = new CaseFilter("WIRE_CABLE", null, null, null, null, null, null);
    Dashboard.View cableView = dashboard.forPeriod(LocalDate.of(2031, 1, 1), LocalDate.of(2032, 1, 1), cables);
    assertThat(cableView.figures().batchesSampled()).isEqualTo(1);
    assertThat(cableView.steps()).filteredOn(s -> s.activityId().equals("Task_ConfirmSamplingSlip"))
        .extracting(StepTime::count, StepTime::median).containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 240 * HOUR));
    CaseFilter beichen = new CaseFilter(null, "120113", null, null, null, null, null);
    assertThat(dashboard.forPeriod(LocalDate.of(2031, 1, 1), LocalDate.of(2032, 1, 1), beichen).figures()
        .batchesSampled()).isEqualTo(1);
    assertThat(view.breakdowns().get(Dimension.PRODUCT_KIND)).extracting(Breakdown::code, Breakdown::batchesSampled)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("E_BIKE", 1L),
            org.assertj.core.groups.Tuple.tuple("WIRE_CABLE", 1L));
    assertThat(view.breakdowns().get(Dimension.CLUSTER)).extracting(Breakdown::name)
        .containsExactly("北辰区电线电缆产业集群", "滨海新区电动自行车产业集群");
    assertThat(asManager("/dashboard/export/by-product-kind.csv?from=2031-01-01&to=2032-01-01"))
        .contains("\"E_BIKE\",\"电动自行车\",\"1\"", "\"WIRE_CABLE\",\"电线电缆\",\"1\"");

    // every number leads to its cases: the filtered sampling count to the cable case only
    String sampled = asManager("/dashboard/cases?figure=sampled&from=2031-01-01&to=2032-01-01&productKind=WIRE_CABLE");
    assertThat(sampled).contains(cable, "天津市北辰恒通电线电缆有限公司").doesNotContain(bike);
    String slowest = asManager("/dashboard/cases?figure=through&activity=Task_ConfirmSamplingSlip"
        + "&from=2031-01-01&to=2032-01-01");
    assertThat(slowest.indexOf(cable)).isPositive().isLessThan(slowest.indexOf(bike));
    assertThat(slowest).contains("240.0", "4.0");
    String waiting = asManager("/dashboard/cases?figure=waiting&activity=Task_ReceiveSample&productKind=E_BIKE");
    assertThat(waiting).contains(bike).doesNotContain(cable);
    String caseFile = asManager("/dashboard/cases/" + cable);
    assertThat(caseFile).contains("天津市北辰恒通电线电缆有限公司", "确认抽样单 Confirm sampling slip", "240.0", "enterprise2");
    assertThat(asManager("/dashboard/diagram/risk-case.bpmn")).contains("Phase_Sampling", "bpmndi:BPMNShape");
    String page = asManager("/dashboard?from=2031-01-01&to=2032-01-01&productKind=WIRE_CABLE");
    assertThat(page).contains("<option value=\"WIRE_CABLE\" selected=\"selected\">", "\"activityId\":\"Task_ConfirmSamplingSlip\"",
        "figure=sampled&amp;from=2031-01-01&amp;to=2032-01-01&amp;productKind=WIRE_CABLE");
  }

  private static OpenWork openIn(Dashboard.View view, String phase) {
    return view.openWork().stream().filter(o -> o.activityId().equals(phase)).findFirst()
        .orElse(new OpenWork(phase, phase, 0, 0, 0, 0, 0));
  }

  private String asManager(String path) {
    var response = rest.withBasicAuth("manager", DemoPeople.PASSWORD).getForEntity(path, String.class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return response.getBody();
  }

  private byte[] export(String file) {
    return rest.withBasicAuth("manager", DemoPeople.PASSWORD)
        .getForEntity("/dashboard/export/" + file + "?from=2030-01-01&to=2031-01-01", byte[].class).getBody();
  }

  @Test
  void onlyManagersAndCoordinatorsSeeTheDashboard() {
    for (String user : List.of("manager", "coordinator")) {
      assertThat(rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity("/dashboard", String.class)
          .getStatusCode().value()).as(user).isEqualTo(200);
    }
    assertThat(rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD).getForEntity("/dashboard", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD)
        .getForEntity("/dashboard/export/figures.xlsx", byte[].class).getStatusCode().value()).isEqualTo(403);
    for (String path : List.of("/dashboard/cases?figure=closed", "/dashboard/cases/TJ-2026-000001",
        "/dashboard/diagram/risk-case.bpmn")) {
      assertThat(rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD).getForEntity(path, String.class)
          .getStatusCode().value()).as(path).isEqualTo(403);
    }
    assertThat(rest.withBasicAuth("manager", DemoPeople.PASSWORD)
        .getForEntity("/dashboard/export/secrets.csv", byte[].class).getStatusCode().value()).isEqualTo(404);
    assertThat(rest.withBasicAuth("manager", DemoPeople.PASSWORD)
        .getForEntity("/dashboard/cases?figure=secrets", String.class).getStatusCode().value()).isEqualTo(404);
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }
}
