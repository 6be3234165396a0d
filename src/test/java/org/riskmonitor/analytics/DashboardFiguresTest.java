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

    Dashboard.View view = dashboard.forPeriod(LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1));

    CycleTime sampling = view.phases().stream().filter(c -> c.activityId().equals("Phase_Sampling")).findFirst().orElseThrow();
    assertThat(sampling.count()).isEqualTo(5);
    // durations 0 (the finished case), 1, 2, 3 and 10 hours
    assertThat(sampling.median()).isEqualTo(2 * HOUR);
    assertThat(sampling.p90()).isEqualTo(10 * HOUR);
    assertThat(sampling.mean()).isEqualTo(16.0 * HOUR / 5);
    CycleTime confirm = view.tasks().stream().filter(c -> c.activityId().equals("Task_ConfirmSamplingSlip"))
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
    assertThat(page).contains("监测批次", "id=\"batchesSampled\">5<", "id=\"problems\">2 / 2<", "抽样 Sampling");

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
    assertThat(rest.withBasicAuth("manager", DemoPeople.PASSWORD)
        .getForEntity("/dashboard/export/secrets.csv", byte[].class).getStatusCode().value()).isEqualTo(404);
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }
}
