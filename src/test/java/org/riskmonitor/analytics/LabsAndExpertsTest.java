package org.riskmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * 2024, a year no other test walks cases in (products made in 2023): two e-bike cases tested by
 * one lab. One report is approved 3 days after the sample's receipt, on time; the other 41 days
 * after, its test step late. The first case goes on to closure three days later, at one moment: a
 * visit by two experts, a verification and a re-inspection by the same lab that takes no time. A third case, walked in
 * September, leaves a risk assessment open with an expert.
 */
class LabsAndExpertsTest extends RiskMonitorTest {

  private static final long DAY = 86_400L;
  private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
  private static final LocalDate TO = LocalDate.of(2024, 6, 1);
  private static final String QUERY = "from=2024-01-01&to=2024-06-01";

  @Autowired
  private CaseWalker walker;

  @Autowired
  private LabsAndExperts labsAndExperts;

  @Autowired
  private Dashboard dashboard;

  @Autowired
  private TestRestTemplate rest;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void turnaroundAndOnTimeShareByLab_visitsVerificationsAndOpenWorkByExpert() {
    Route route = Route.remediated().with(b -> b.productionDate = "2023-06-10");
    String enterprise = DemoPeople.ENTERPRISES.get(0).get(0);
    clock(LocalDateTime.of(2024, 3, 4, 8, 0));
    String quick = walker.open(enterprise, "E_BIKE", "电动自行车").getBusinessKey();
    walker.advanceTo(quick, "Task_ReceiveSample", route);
    long lab = jdbc.queryForObject("SELECT lab_id FROM rm_monitoring_case WHERE case_number = ?", Long.class, quick);
    String slow = walker.open(enterprise, "E_BIKE", "电动自行车").getBusinessKey();
    walker.advanceTo(slow, "Task_AssignSampling", route);
    Task assignment = walker.openTask(slow);
    Map<String, Object> sameLab = walker.valuesFor(assignment, route);
    sameLab.put("labId", String.valueOf(lab));
    walker.submit(assignment, sameLab);
    walker.advanceTo(slow, "Task_ReceiveSample", route);

    clock(LocalDateTime.of(2024, 3, 5, 9, 0));
    walker.advanceTo(quick, "Task_TestSample", route);
    walker.advanceTo(slow, "Task_TestSample", route);
    clock(LocalDateTime.of(2024, 3, 8, 9, 0));
    walker.advanceTo(quick, "Task_RespondToResult", route);
    clock(LocalDateTime.of(2024, 3, 11, 9, 0));
    walker.finish(quick, route);
    // the test step was due 15 working days after receipt, by the end of 26 March
    clock(LocalDateTime.of(2024, 4, 15, 9, 0));
    walker.advanceTo(slow, "Task_RespondToResult", route);
    assertThat(jdbc.queryForObject("SELECT r.lab_id FROM rm_test_report r JOIN rm_monitoring_case c ON c.id = r.case_id"
        + " WHERE c.case_number = ? AND r.purpose = 'REINSPECTION' AND r.status = 'APPROVED'", Long.class, quick))
        .as("the re-inspection's lab").isEqualTo(lab);

    LabsAndExperts.Page page = labsAndExperts.forPeriod(FROM, TO, CaseFilter.NONE);
    LabFigures figures = page.labs().stream().filter(l -> l.labId() == lab).findFirst().orElseThrow();
    // turnarounds 0 (the re-inspection), 3 and 41 days: nearest-rank median 3, p90 41
    assertThat(figures.reports()).isEqualTo(3);
    assertThat(figures.medianSeconds()).isEqualTo(3 * DAY);
    assertThat(figures.p90Seconds()).isEqualTo(41 * DAY);
    assertThat(figures.onTime()).isEqualTo(2);
    assertThat(figures.late()).isEqualTo(1);
    assertThat(page.labs()).filteredOn(l -> l.labId() != lab).allSatisfy(l -> assertThat(l.reports()).isZero());

    Map<String, Object> visit = jdbc.queryForMap("SELECT lead_expert_id, second_expert_id FROM rm_assistance_visit v"
        + " JOIN rm_monitoring_case c ON c.id = v.case_id WHERE c.case_number = ?", quick);
    String lead = (String) visit.get("LEAD_EXPERT_ID");
    String second = (String) visit.get("SECOND_EXPERT_ID");
    Map<String, ExpertFigures> experts = page.experts().stream()
        .collect(Collectors.toMap(ExpertFigures::expertId, x -> x));
    assertThat(experts.get(lead).visits()).isEqualTo(1);
    assertThat(experts.get(second).visits()).isEqualTo(1);
    assertThat(experts.get(lead).verifications()).isEqualTo(1);
    assertThat(experts.get(second).verifications()).isZero();
    assertThat(page.experts().stream().mapToLong(ExpertFigures::visits).sum())
        .as("the experts' person-visits add up to the programme's")
        .isEqualTo(dashboard.programmeFigures(FROM, TO, CaseFilter.NONE).expertVisits()).isEqualTo(2);

    // September: a third case waits for its risk assessment by the expert assigned to it
    Map<String, Long> openBefore = openTasks();
    clock(LocalDateTime.of(2024, 9, 2, 9, 0));
    String assessed = walker.open(enterprise, "E_BIKE", "电动自行车").getBusinessKey();
    walker.advanceTo(assessed, "Task_AssessRisk", route);
    String assessor = walker.openTask(assessed).getAssignee();
    Map<String, Long> openAfter = openTasks();
    assertThat(openAfter.get(assessor) - openBefore.get(assessor)).isEqualTo(1);
    assertThat(openAfter.entrySet()).filteredOn(e -> !e.getKey().equals(assessor))
        .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo(openBefore.get(e.getKey())));
    assertThat(labsAndExperts.forPeriod(FROM, TO, CaseFilter.NONE).labs()).filteredOn(l -> l.labId() == lab)
        .extracting(LabFigures::reports).as("September's report is outside the period").containsExactly(3L);

    // the page, and every number leads to its cases
    String html = asManager("/dashboard/labs-and-experts?" + QUERY);
    assertThat(html).contains("周转时间 Turnaround", "3.0", "41.0", "67%",
        "href=\"/dashboard/labs-and-experts/cases?figure=late&amp;row=" + lab + "&amp;" + QUERY.replace("&", "&amp;") + "\">1<");
    assertThat(asManager("/dashboard/labs-and-experts/cases?figure=late&row=" + lab + "&" + QUERY))
        .contains(slow).doesNotContain(quick);
    assertThat(asManager("/dashboard/labs-and-experts/cases?figure=reports&row=" + lab + "&" + QUERY))
        .contains(slow, quick);
    assertThat(asManager("/dashboard/labs-and-experts/cases?figure=verifications&row=" + lead + "&" + QUERY))
        .contains(quick).doesNotContain(slow);
    assertThat(asManager("/dashboard/labs-and-experts/cases?figure=visits&row=" + second + "&" + QUERY))
        .contains(quick).doesNotContain(slow);
    assertThat(asManager("/dashboard/labs-and-experts/cases?figure=open-tasks&row=" + assessor)).contains(assessed);
    assertThat(asManager("/dashboard")).contains("href=\"/dashboard/labs-and-experts?");

    // a filter narrows to its cases: no wire-cable report was approved
    CaseFilter cables = new CaseFilter("WIRE_CABLE", null, null, null, null, null, null);
    assertThat(labsAndExperts.forPeriod(FROM, TO, cables).labs()).allSatisfy(l -> assertThat(l.reports()).isZero());

    // the dashboard's cards compare 2025 with these months of 2024
    String cards = asManager("/dashboard?from=2025-01-01&to=2025-06-01");
    assertThat(cards).contains("id=\"key-figures\"", "上年同期 Year before：2", "\u2212100.0% 同比 YoY");
  }

  @Test
  void onlyManagersAndCoordinatorsSeeIt() {
    for (String user : List.of("manager", "coordinator")) {
      assertThat(rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity("/dashboard/labs-and-experts", String.class)
          .getStatusCode().value()).as(user).isEqualTo(200);
    }
    for (String path : List.of("/dashboard/labs-and-experts", "/dashboard/labs-and-experts/cases?figure=visits&row=expert1")) {
      assertThat(rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD).getForEntity(path, String.class)
          .getStatusCode().value()).as(path).isEqualTo(403);
    }
    for (String path : List.of("/dashboard/labs-and-experts/cases?figure=secrets&row=1",
        "/dashboard/labs-and-experts/cases?figure=reports&row=first")) {
      assertThat(rest.withBasicAuth("manager", DemoPeople.PASSWORD).getForEntity(path, String.class)
          .getStatusCode().value()).as(path).isEqualTo(404);
    }
  }

  private Map<String, Long> openTasks() {
    return labsAndExperts.forPeriod(FROM, TO, CaseFilter.NONE).experts().stream()
        .collect(Collectors.toMap(ExpertFigures::expertId, ExpertFigures::openTasks));
  }

  private String asManager(String path) {
    var response = rest.withBasicAuth("manager", DemoPeople.PASSWORD).getForEntity(path, String.class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return response.getBody();
  }

  private static void clock(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }
}
