package org.riskmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.PlanLineChoices;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.DemoPlans;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.summary.CaseSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A case is opened by taking one batch of an approved plan line: the case carries the line, its
 * kind, venue and lab; a used-up line, a line past its period, a line of a plan not approved and an
 * enterprise outside the line's district are refused with the reason; two coordinators never take
 * one last batch. The plan pages are the regulator's staff's only.
 */
class CaseFromPlanLineTest extends RiskMonitorTest {

  private static final String E_BIKES = DemoPeople.ENTERPRISES.get(0).get(0);
  private static final String CABLES = DemoPeople.ENTERPRISES.get(1).get(0);

  @Autowired
  private CaseWalker walker;

  @Autowired
  private DemoPlans demoPlans;

  @Autowired
  private MonitoringPlans plans;

  @Autowired
  private CaseSummary summary;

  @Autowired
  private RegulatorClock clock;

  @Autowired
  private PlanLineChoices choices;

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private PlanProcess process;

  @LocalServerPort
  private int port;

  @Test
  void aCaseTakesABatchOfItsLine_andInheritsKindVenueAndLab() {
    MonitoringPlan plan = planWith(new DemoPlans.Line("E_BIKE_CHARGER", "DISTRIBUTION", "120116", 5, "300", "1200"));
    PlanLine line = plans.lines(plan.id()).get(0);

    ProcessInstance instance = walker.openFromLine(line.id(), E_BIKES, "电动自行车充电器 48V");

    assertThat(jdbc.queryForMap("SELECT plan_line_id, product_kind, venue FROM rm_monitoring_case WHERE case_number = ?",
        instance.getBusinessKey())).containsEntry("PLAN_LINE_ID", line.id()).containsEntry("PRODUCT_KIND", "E_BIKE_CHARGER")
        .containsEntry("VENUE", "DISTRIBUTION");
    assertThat(plans.line(line.id()).casesOpened()).isEqualTo(1);
    Task assign = walker.openTask(instance.getBusinessKey());
    assertThat(summary.ofTask(assign.getId(), List.of("planLine", "venueName")))
        .containsEntry("planLine", plan.planNumber() + " 第1行 line 1").containsEntry("venueName", "流通领域 Distribution");
    SpinJsonNode firstLab = ((SpinJsonNode) engine.getTaskService().getVariable(assign.getId(), "labOptions")).elements().get(0);
    assertThat(firstLab.prop("value").stringValue()).as("the line's lab is offered first").isEqualTo(String.valueOf(line.labId()));
    assertThat(firstLab.prop("label").stringValue()).contains("（计划指定 planned）");
    assertThat(choices.optionLists().get(PlanLineChoices.OPTIONS_KEY).get(String.valueOf(line.id())))
        .contains(plan.planNumber() + " 第1行", "电动自行车充电器", "流通领域", "滨海新区", "剩余 4/5 批", "至 until " + line.periodTo());
  }

  @Test
  void aUsedUpLine_refusesOneMoreCase_untilAManagerAmendsIt() {
    MonitoringPlan plan = planWith(new DemoPlans.Line("E_BIKE", "PRODUCTION", "120116", 1, "800", "3500"));
    PlanLine line = plans.lines(plan.id()).get(0);
    walker.openFromLine(line.id(), E_BIKES, "电动自行车 A");
    long cases = count("rm_monitoring_case", "1 = 1");

    assertThatThrownBy(() -> walker.openFromLine(line.id(), E_BIKES, "电动自行车 B")).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("该计划行批次已用完（1/1），请经理修订计划 This plan line's batches are used up (1 of 1); ask a manager to amend the plan");
    assertThat(count("rm_monitoring_case", "1 = 1")).isEqualTo(cases);
    assertThat(plans.line(line.id()).casesOpened()).isEqualTo(1);
    assertThat(choices.optionLists().get(PlanLineChoices.OPTIONS_KEY)).doesNotContainKey(String.valueOf(line.id()));

    Task amend = process.requestAmendment(plan.planNumber());
    walker.as(CaseWalker.MANAGER, () -> {
      engine.getFormService().submitTaskForm(amend.getId(), Map.of("amendLineId", String.valueOf(line.id()),
          "newBatches", 2, "newPeriodTo", line.periodTo().toString(), "amendmentReason", "追加一批 One more batch"));
      return null;
    });
    assertThat(walker.openFromLine(line.id(), E_BIKES, "电动自行车 B").getBusinessKey()).startsWith("TJ-");
  }

  @Test
  void aLinePastItsPeriod_aPlanNotApproved_andAnEnterpriseElsewhere_areRefused() {
    MonitoringPlan plan = planWith(new DemoPlans.Line("E_BIKE", "PRODUCTION", "120116", 10, "800", "3500"));
    PlanLine line = plans.lines(plan.id()).get(0);
    long cases = count("rm_monitoring_case", "1 = 1");

    assertThatThrownBy(() -> walker.openFromLine(line.id(), CABLES, "电动自行车")).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("企业所在区域（北辰区）不是该计划行的区域（滨海新区） The enterprise is not in the plan line's district (滨海新区)");

    // time passes: the line's period is over
    jdbc.update("UPDATE rm_plan_line SET period_from = ?, period_to = ? WHERE id = ?", clock.today().minusDays(30),
        clock.today().minusDays(1), line.id());
    assertThatThrownBy(() -> walker.openFromLine(line.id(), E_BIKES, "电动自行车")).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("今天不在期内，请经理修订计划")
        .hasMessageContaining("today is outside it; ask a manager to amend the plan");

    ProcessInstance draft = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(MonitoringPlans.PROCESS_KEY).processInstanceBusinessKey(plan.planNumber()).singleResult();
    assertThat(draft).as("approved plans wait for their year to end").isNotNull();
    jdbc.update("UPDATE rm_monitoring_plan SET status = 'DRAFT' WHERE id = ?", plan.id());
    jdbc.update("UPDATE rm_plan_line SET period_from = ?, period_to = ? WHERE id = ?", clock.today(), clock.today(), line.id());
    try {
      assertThatThrownBy(() -> walker.openFromLine(line.id(), E_BIKES, "电动自行车")).isInstanceOf(FormRefusal.class)
          .hasMessageContaining("计划" + plan.planNumber() + "尚未批准，不能据此开案");
    } finally {
      jdbc.update("UPDATE rm_monitoring_plan SET status = 'APPROVED' WHERE id = ?", plan.id());
    }
    assertThat(count("rm_monitoring_case", "1 = 1")).isEqualTo(cases);
    assertThat(plans.line(line.id()).casesOpened()).isZero();
  }

  @Test
  void twoCoordinatorsTakingTheLastBatch_openExactlyOneCase() throws Exception {
    MonitoringPlan plan = planWith(new DemoPlans.Line("E_BIKE", "PRODUCTION", "120116", 1, "800", "3500"));
    PlanLine line = plans.lines(plan.id()).get(0);
    long cases = count("rm_monitoring_case", "1 = 1");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        Callable<String> open = () -> {
          start.await();
          return walker.openFromLine(line.id(), E_BIKES, "电动自行车 并发").getBusinessKey();
        };
        results.add(threads.submit(open));
      }
      start.countDown();
      int opened = 0;
      for (Future<String> result : results) {
        try {
          result.get();
          opened++;
        } catch (ExecutionException refused) {
          // the other one lost: refused as used up, or by the database's lock on the row
        }
      }
      assertThat(opened).isEqualTo(1);
    } finally {
      threads.shutdown();
    }
    assertThat(count("rm_monitoring_case", "1 = 1")).isEqualTo(cases + 1);
    assertThat(count("rm_monitoring_case", "plan_line_id = ?", line.id())).isEqualTo(1);
    assertThat(plans.line(line.id()).casesOpened()).isEqualTo(1);
  }

  /** Tasklist loads no variables for a start form: the opening form is served with its choices written in. */
  @Test
  void theOpeningFormIsServedWithTheOpenLines() throws Exception {
    MonitoringPlan plan = planWith(new DemoPlans.Line("WIRE_CABLE", "E_COMMERCE", "120113", 3, "200", "1500"));
    PlanLine line = plans.lines(plan.id()).get(0);
    ResponseEntity<String> form = rest.withBasicAuth("coordinator", DemoPeople.PASSWORD)
        .getForEntity("/engine-rest/process-definition/key/risk-case/deployed-start-form", String.class);
    assertThat(form.getStatusCode().value()).isEqualTo(200);
    JsonNode lineField = new ObjectMapper().readTree(form.getBody()).findParents("key").stream()
        .filter(field -> "planLineId".equals(field.path("key").asText())).findFirst().orElseThrow();
    assertThat(lineField.has("valuesKey")).isFalse();
    assertThat(lineField.path("values").findValuesAsText("value")).contains(String.valueOf(line.id()));
    assertThat(lineField.toString()).contains(plan.planNumber() + " 第1行 · 电线电缆 · 电子商务 E-commerce · 北辰区 · 剩余 3/3 批");

    // the plan's own start form: the selects inside its list of lines get their choices too
    JsonNode draftForm = new ObjectMapper().readTree(rest.withBasicAuth("coordinator", DemoPeople.PASSWORD)
        .getForEntity("/engine-rest/process-definition/key/monitoring-plan/deployed-start-form", String.class).getBody());
    JsonNode kindField = draftForm.findParents("key").stream()
        .filter(field -> "productKind".equals(field.path("key").asText())).findFirst().orElseThrow();
    assertThat(kindField.path("values").findValuesAsText("label")).contains("电动自行车充电器 E-bike charger");
    assertThat(draftForm.toString()).doesNotContain("valuesKey");

  }

  @Test
  void thePlanPages_areForTheRegulatorsStaff_andAManagerOpensAnAmendmentFromThem() throws Exception {
    MonitoringPlan plan = planWith(new DemoPlans.Line("GAS_STOVE", "PRODUCTION", "120117", 6, "500", "2600"));
    for (String reader : List.of("coordinator", "manager", "expert1")) {
      ResponseEntity<String> page = get(reader, "/plans/" + plan.planNumber());
      assertThat(page.getStatusCode().value()).as(reader).isEqualTo(200);
      assertThat(page.getBody()).contains(plan.planNumber(), "家用燃气灶具", "宁河区", "500.00", "2600.00", "已批准 Approved",
          clock.today().getYear() + "-01-01 — " + clock.today().getYear() + "-12-31");
      assertThat(get(reader, "/plans").getBody()).contains(plan.planNumber());
    }
    assertThat(get("manager", "/plans/" + plan.planNumber()).getBody()).contains("修订 Amend");
    assertThat(get("coordinator", "/plans/" + plan.planNumber()).getBody()).doesNotContain("修订 Amend");
    for (String outsider : List.of("enterprise1", "lab1", "sampler")) {
      assertThat(get(outsider, "/plans").getStatusCode().value()).as(outsider).isEqualTo(403);
      assertThat(get(outsider, "/plans/" + plan.planNumber()).getStatusCode().value()).as(outsider).isEqualTo(403);
    }
    ResponseEntity<String> unknown = get("coordinator", "/plans/JH-1999-999");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody()).contains("没有这个计划 No such plan");
    assertThat(get("coordinator", "/plans/" + "X".repeat(300)).getStatusCode().value()).isEqualTo(404);

    assertThat(post("coordinator", "/plans/" + plan.planNumber() + "/amendments").getStatusCode().value()).isEqualTo(403);
    // the manager is taken to the amendment step in Tasklist (a client that does not follow the redirect)
    HttpResponse<String> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/plans/" + plan.planNumber() + "/amendments"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("manager:" + DemoPeople.PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(opened.statusCode()).isEqualTo(302);
    Task amend = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(plan.planNumber())
        .taskDefinitionKey("Task_AmendPlan").singleResult();
    assertThat(opened.headers().firstValue("Location").orElseThrow())
        .endsWith("/camunda/app/tasklist/default/#/?task=" + amend.getId());

    for (String group : List.of("enterprises", "labs")) {
      assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", List.of(group), Permissions.READ,
          Resources.PROCESS_DEFINITION, MonitoringPlans.PROCESS_KEY)).as(group).isFalse();
    }
  }

  private MonitoringPlan planWith(DemoPlans.Line line) {
    return demoPlans.approvedPlan("开案测试计划 Plan for opening tests", List.of(line));
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity(path, String.class);
  }

  private ResponseEntity<String> post(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).postForEntity(path,
        new HttpEntity<>(new LinkedMultiValueMap<String, String>(), headers), String.class);
  }
}
