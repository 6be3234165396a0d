package org.riskmonitor.laboratory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.document.DocumentStore;
import org.riskmonitor.engineapi.LimsCalls;
import org.riskmonitor.laboratory.LimsSimulator.Behaviour;
import org.riskmonitor.laboratory.LimsTopics.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 20: a lab connected to its LIMS receives, tests and reports through Camunda external tasks,
 * driven here by the reference LIMS ({@link LimsSimulator}, Camunda's Java external task client) over
 * the real REST API with the lab's technical user; a Tasklist lab keeps its forms in the same case.
 */
class LimsConnectionTest extends RiskMonitorTest {

  private static final String CABLES = DemoPeople.ENTERPRISES.get(1).get(0);
  private static final String KIND = "WIRE_CABLE";
  private static final String TECHNICAL_PASSWORD = ConnectedLabs.TECHNICAL_PASSWORD;
  private static final String LAB_A = "TJLIMSA";
  private static final String LAB_B = "TJLIMSB";
  private static final String USER_A = "limsa";
  private static final String USER_B = "limsb";

  @Autowired
  private CaseWalker walker;

  @Autowired
  private Laboratories labs;

  @Autowired
  private LabMapper labMapper;

  @Autowired
  private IdentityService identityService;

  @LocalServerPort
  private int port;

  private ConnectedLabs connectedLabs;
  private Lab labA;
  private Lab labB;

  /** Two connected labs with a technical user each, accredited for cables during the test only. */
  @BeforeEach
  void connectTwoLabs() {
    connectedLabs = new ConnectedLabs(labs, labMapper, identityService);
    labA = connectedLabs.connect(LAB_A, "天津市检验甲所（LIMS测试）", USER_A, KIND);
    labB = connectedLabs.connect(LAB_B, "天津市检验乙所（LIMS测试）", USER_B, KIND);
  }

  @AfterEach
  void withdrawTheirScope() {
    connectedLabs.withdraw(labA);
    connectedLabs.withdraw(labB);
  }

  @Test
  void connectedLabReportsThroughItsLims_andTheRetestRunsInATasklistLab() {
    Route route = Route.remediated().with(b -> b.objection = Route.Objection.RETEST_CONFIRMS);
    long inWork = openTests(LAB_A);
    String caseNumber = caseInLab(labA, route);
    ProcessInstance labTest = labTestOf(caseNumber);
    assertThat(walker.openTask(caseNumber)).as("no Tasklist task for a connected lab").isNull();
    assertThat(externalTasksOf(labTest)).extracting(ExternalTask::getTopicName).containsExactly("labTJLIMSA.receive");
    assertThat(openTests(LAB_A)).as("a sample waiting in the LIMS is work of the lab").isEqualTo(inWork + 1);

    try (LimsSimulator lims = lims(USER_A, labA, "a-1", 60_000, Behaviour.accepting().failingFirstItem(), caseNumber)) {
      await(() -> ended(labTest) && lims.completed.size() == 2, "the lab test ends once the LIMS reported");
      assertThat(lims.refusals).isEmpty();

      Map<String, Object> report = jdbc.queryForMap("SELECT r.id, r.status, r.tested_by, r.reviewed_by, r.conforming, "
          + "r.report_number FROM rm_test_report r JOIN rm_monitoring_case c ON c.id = r.case_id WHERE c.case_number = ?",
          caseNumber);
      assertThat(report).containsEntry("STATUS", "APPROVED").containsEntry("TESTED_BY", "王检验")
          .containsEntry("REVIEWED_BY", "李审核");
      assertThat((Boolean) report.get("CONFORMING")).isFalse();
      assertThat(count("rm_test_item", "report_id = ? AND passed = FALSE", report.get("ID"))).isEqualTo(1);
      assertThat(count("rm_lab_receipt r JOIN rm_monitoring_case c ON c.id = r.case_id",
          "c.case_number = ? AND r.accepted = TRUE AND r.received_by = ?", caseNumber, USER_A)).isEqualTo(1);
      byte[] sent = lims.pdfs.values().iterator().next();
      assertThat(jdbc.queryForList("SELECT d.sha256 FROM rm_document d JOIN rm_monitoring_case c ON c.id = d.case_id "
          + "WHERE c.case_number = ? AND d.kind = 'TEST_REPORT_PDF'", String.class, caseNumber))
          .containsExactly(DocumentStore.sha256(sent));
      assertThat(engine.getRuntimeService().getVariable(riskCaseOf(caseNumber), "reportNumber"))
          .isEqualTo(report.get("REPORT_NUMBER"));
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId(labTest.getId()).count())
          .as("the lab's access to its test ends with it").isZero();
    }

    walker.runSystemSteps(caseNumber);
    Lab tasklistLab = labs.all().stream().filter(lab -> lab.code().equals("TJQI1")).findFirst().orElseThrow();
    walker.advanceTo(caseNumber, "Task_ReceiveSample", route, (task, values) -> {
      if (task.getTaskDefinitionKey().equals("Task_DecideObjection")) {
        values.put("retestLabId", String.valueOf(tasklistLab.id()));
      }
    });
    Task retest = walker.openTask(caseNumber);
    assertThat(retest.getTaskDefinitionKey()).isEqualTo("Task_ReceiveSample");
    assertThat(engine.getTaskService().getIdentityLinksForTask(retest.getId())).extracting(link -> link.getGroupId())
        .contains(tasklistLab.groupId());
    walker.advanceTo(caseNumber, "Task_AssessRisk", route);
    assertThat(walker.openTask(caseNumber).getTaskDefinitionKey()).isEqualTo("Task_AssessRisk");
    assertThat(jdbc.queryForList("SELECT l.code, r.purpose, r.status FROM rm_test_report r JOIN rm_lab l ON l.id = r.lab_id "
        + "JOIN rm_monitoring_case c ON c.id = r.case_id WHERE c.case_number = ? ORDER BY r.id", caseNumber).stream()
        .map(row -> row.get("CODE") + " " + row.get("PURPOSE") + " " + row.get("STATUS")).toList())
        .as("the first test reported by the LIMS, the re-test through Tasklist's forms")
        .containsExactly(LAB_A + " INITIAL APPROVED", "TJQI1 RETEST APPROVED");
  }

  @Test
  void limsRejectsTheSample_andTheCaseGoesBackToSampling() {
    String caseNumber = caseInLab(labA, Route.remediated());
    ProcessInstance labTest = labTestOf(caseNumber);
    try (LimsSimulator lims = lims(USER_A, labA, "a-2", 60_000, Behaviour.accepting().rejecting(), caseNumber)) {
      await(() -> ended(labTest), "the rejection ends the lab test");
      assertThat(lims.refusals).isEmpty();
    }
    assertThat(count("rm_lab_receipt r JOIN rm_monitoring_case c ON c.id = r.case_id",
        "c.case_number = ? AND r.accepted = FALSE AND r.rejection_reason = ?", caseNumber, "封条破损 The seal is broken"))
        .isEqualTo(1);
    walker.runSystemSteps(caseNumber);
    assertThat(walker.openTask(caseNumber).getTaskDefinitionKey()).as("back to the choice of sampler and lab, as when "
        + "a Tasklist lab rejects a sample").isEqualTo("Task_AssignSampling");
  }

  @Test
  void aLockThatExpires_goesToAnotherWorkerOfTheLab_andTheReportIsRecordedOnce() {
    String caseNumber = caseInLab(labA, Route.remediated());
    ProcessInstance labTest = labTestOf(caseNumber);
    String reportTask;
    try (LimsSimulator crashed = lims(USER_A, labA, "a-crashed", 2_000, Behaviour.accepting().holdingReports(), caseNumber)) {
      await(() -> !crashed.held.isEmpty(), "the first worker holds the report step");
      reportTask = crashed.held.get(0);
    }
    try (LimsSimulator second = lims(USER_A, labA, "a-second", 60_000, Behaviour.accepting(), caseNumber)) {
      await(() -> ended(labTest), "the second worker reports once the first one's lock expired");
      assertThat(second.completed).contains(reportTask);
    }
    HttpResponse<String> late = rest(USER_A, "POST", "/external-task/" + reportTask + "/complete",
        "{\"workerId\":\"a-crashed\",\"variables\":{}}");
    assertThat(late.statusCode()).as(late.body()).isEqualTo(404);
    assertThat(count("rm_test_report r JOIN rm_monitoring_case c ON c.id = r.case_id", "c.case_number = ?", caseNumber))
        .isEqualTo(1);
  }

  @Test
  void aReportBreakingTheRules_isRefusedWithItsReason_andStaysWithTheLab() {
    String earlier = caseInLab(labA, Route.remediated());
    String usedNumber = "LIMS-A-" + System.currentTimeMillis();
    try (LimsSimulator lims = lims(USER_A, labA, "a-earlier", 60_000, Behaviour.accepting().numbering(usedNumber),
        earlier)) {
      ProcessInstance earlierTest = labTestOf(earlier);
      await(() -> ended(earlierTest), "an earlier report with the number");
    }
    String caseNumber = caseInLab(labA, Route.remediated());
    ProcessInstance labTest = labTestOf(caseNumber);
    try (LimsSimulator lims = lims(USER_A, labA, "a-rules", 60_000,
        Behaviour.accepting().reviewedBy("王检验").numbering(usedNumber), caseNumber)) {
      await(() -> !lims.refusals.isEmpty(), "the report is refused");
      LimsSimulator.Refusal refusal = lims.refusals.get(0);
      assertThat(refusal.status()).isEqualTo(400);
      assertThat(refusal.message()).contains("审核人不能是检验人 The reviewer must not be the tester")
          .contains("报告编号已被使用 Report number already used");
    }
    assertThat(ended(labTest)).isFalse();
    ExternalTask report = externalTasksOf(labTest).get(0);
    assertThat(report.getTopicName()).isEqualTo("labTJLIMSA.report");
    assertThat(report.getWorkerId()).as("still locked by the lab's worker").isEqualTo("a-rules");
    assertThat(count("rm_test_report r JOIN rm_monitoring_case c ON c.id = r.case_id", "c.case_number = ?", caseNumber))
        .as("nothing half-written").isZero();
    assertThat(count("rm_document d JOIN rm_monitoring_case c ON c.id = d.case_id", "c.case_number = ? AND d.kind = ?", caseNumber,
        "TEST_REPORT_PDF"))
        .isZero();
  }

  @Test
  void repeatedFailures_becomeAnIncidentWithTheLabsMessage_andRetriesAreBounded() {
    String caseNumber = caseInLab(labA, Route.remediated());
    ProcessInstance labTest = labTestOf(caseNumber);
    try (LimsSimulator lims = lims(USER_A, labA, "a-failing", 60_000, Behaviour.accepting().failing(10), caseNumber)) {
      await(() -> engine.getRuntimeService().createIncidentQuery().processInstanceId(labTest.getId()).count() > 0,
          "an incident once the retries are used up", () -> lims.refusals + " " + lims.completed);
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(labTest.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo("failedExternalTask");
    assertThat(incident.getIncidentMessage()).contains("LIMS仪器接口超时 instrument interface timed out");
    ExternalTask report = externalTasksOf(labTest).get(0);
    assertThat(report.getRetries()).isZero();

    HttpResponse<String> moreRetries = rest(USER_A, "POST", "/external-task/" + report.getId() + "/failure",
        "{\"workerId\":\"a-failing\",\"errorMessage\":\"again\",\"retries\":5,\"retryTimeout\":0}");
    assertThat(moreRetries.statusCode()).isEqualTo(400);
    assertThat(moreRetries.body()).contains("重试次数 retries");
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(labTest.getId()).count()).isOne();
  }

  @Test
  void anotherLabCannotFetchCompleteOrReadTheLabsTasks_norStrayOutsideTheContract() {
    String caseNumber = caseInLab(labA, Route.remediated());
    ProcessInstance labTest = labTestOf(caseNumber);
    ExternalTask receive = externalTasksOf(labTest).get(0);
    String topicA = Step.RECEIVE.topic(labA.groupId());

    HttpResponse<String> fetched = rest(USER_B, "POST", "/external-task/fetchAndLock", "{\"workerId\":\"b\",\"maxTasks\":5,"
        + "\"topics\":[{\"topicName\":\"" + topicA + "\",\"lockDuration\":60000,\"variables\":[\"caseNumber\"]}]}");
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo("[]");
    assertThat(rest(USER_B, "GET", "/external-task/" + receive.getId(), null).statusCode()).isEqualTo(404);

    // lab A itself keeps to the contract: named variables of the step, no filters on hidden ones
    HttpResponse<String> everything = rest(USER_A, "POST", "/external-task/fetchAndLock",
        "{\"workerId\":\"a\",\"maxTasks\":5,\"topics\":[{\"topicName\":\"" + topicA + "\",\"lockDuration\":60000}]}");
    assertThat(everything.statusCode()).isEqualTo(400);
    assertThat(everything.body()).contains("variables must list what is read");
    HttpResponse<String> anonymous = rest(USER_A, "POST", "/external-task/fetchAndLock", "{\"maxTasks\":1,"
        + "\"topics\":[{\"topicName\":\"" + topicA + "\",\"lockDuration\":60000,\"variables\":[\"caseNumber\"]}]}");
    assertThat(anonymous.statusCode()).isEqualTo(400);
    assertThat(anonymous.body()).contains("workerId：必填 required");
    HttpResponse<String> hidden = rest(USER_A, "POST", "/external-task/fetchAndLock", "{\"workerId\":\"a\",\"maxTasks\":5,"
        + "\"topics\":[{\"topicName\":\"" + topicA + "\",\"lockDuration\":60000,\"variables\":[\"enterpriseName\"],"
        + "\"processVariables\":{\"enterpriseUscc\":\"" + CABLES + "\"}}]}");
    assertThat(hidden.statusCode()).isEqualTo(400);
    assertThat(hidden.body()).contains("variable not readable: enterpriseName").contains("processVariables");
    HttpResponse<String> locked = rest(USER_A, "POST", "/external-task/fetchAndLock", "{\"workerId\":\"a\",\"maxTasks\":5,"
        + "\"topics\":[{\"topicName\":\"" + topicA + "\",\"lockDuration\":60000,\"variables\":[\"caseNumber\"]}]}");
    assertThat(locked.body()).contains(receive.getId()).contains(caseNumber);

    // lab B, even knowing the task and the worker that holds it, is refused by the engine
    String asLabAsWorker = "{\"workerId\":\"a\",\"variables\":{\"sampleCondition\":{\"value\":\"完好\"},"
        + "\"receivedOn\":{\"value\":\"2026-01-05\"}}}";
    for (String call : List.of("complete", "bpmnError", "unlock", "extendLock", "failure")) {
      String body = switch (call) {
        case "bpmnError" -> "{\"workerId\":\"a\",\"errorCode\":\"SAMPLE_REJECTED\"}";
        case "extendLock" -> "{\"workerId\":\"a\",\"newDuration\":60000}";
        case "failure" -> "{\"workerId\":\"a\",\"errorMessage\":\"x\",\"retries\":0,\"retryTimeout\":0}";
        case "complete" -> asLabAsWorker;
        default -> null;
      };
      HttpResponse<String> answer = rest(USER_B, "POST", "/external-task/" + receive.getId() + "/" + call, body);
      assertThat(answer.statusCode()).as(call + ": " + answer.body()).isEqualTo(403);
    }
    HttpResponse<String> rerouted = rest(USER_A, "POST", "/external-task/" + receive.getId() + "/complete",
        "{\"workerId\":\"a\",\"variables\":{\"testLabGroup\":{\"value\":\"" + labB.groupId() + "\"}}}");
    assertThat(rerouted.statusCode()).isEqualTo(400);
    assertThat(rerouted.body()).contains("testLabGroup");
    HttpResponse<String> otherError = rest(USER_A, "POST", "/external-task/" + receive.getId() + "/bpmnError",
        "{\"workerId\":\"a\",\"errorCode\":\"SOMETHING_ELSE\"}");
    assertThat(otherError.statusCode()).isEqualTo(400);
    assertThat(ended(labTest)).isFalse();
    assertThat(externalTasksOf(labTest)).extracting(ExternalTask::getTopicName).containsExactly(topicA);
  }

  // ---- set-up ----

  /** A new cable case, assigned to the lab and sampled: it waits for the lab to receive the sample. */
  private String caseInLab(Lab lab, Route route) {
    String caseNumber = walker.open(CABLES, KIND, "阻燃电线").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_ReceiveSample", route, (task, values) -> {
      if (task.getTaskDefinitionKey().equals("Task_AssignSampling")) {
        values.put("labId", String.valueOf(lab.id()));
      }
    });
    walker.runSystemSteps(caseNumber);
    return caseNumber;
  }

  private LimsSimulator lims(String user, Lab lab, String workerId, long lockMillis, Behaviour behaviour,
                             String caseNumber) {
    return LimsSimulator.start("http://localhost:" + port + "/engine-rest", user, TECHNICAL_PASSWORD, lab.groupId(),
        workerId, lockMillis, behaviour, caseNumber);
  }

  private long openTests(String labCode) {
    return labs.loads().stream().filter(load -> load.lab().code().equals(labCode)).findFirst().orElseThrow().openTests();
  }

  private ProcessInstance labTestOf(String caseNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber, "lab-test")
        .singleResult();
  }

  private String riskCaseOf(String caseNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber, "risk-case")
        .singleResult().getId();
  }

  private List<ExternalTask> externalTasksOf(ProcessInstance instance) {
    return engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(instance.getId()).list();
  }

  private boolean ended(ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }

  private static void await(BooleanSupplier condition, String what) {
    await(condition, what, () -> "");
  }

  private static void await(BooleanSupplier condition, String what, java.util.function.Supplier<Object> state) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what + " " + state.get());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private HttpResponse<String> rest(String user, String method, String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + TECHNICAL_PASSWORD)
            .getBytes(StandardCharsets.UTF_8))).build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
