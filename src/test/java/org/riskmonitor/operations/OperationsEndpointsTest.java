package org.riskmonitor.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.input.FormRefusal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, item 2. The probes answer anyone with a bare status; health details and the Prometheus
 * figures answer administrators only. After a case is walked (opened in the past, so its task is
 * overdue), a timer job failed and two submissions refused, every figure moves by what was done.
 */
class OperationsEndpointsTest extends RiskMonitorTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{.*\\})?) (\\S+)$");

  @LocalServerPort
  private int port;

  @Value("${camunda.bpm.admin-user.password:" + DemoPeople.PASSWORD + "}")
  private String adminPassword;

  @Autowired
  private CaseWalker walker;

  @Autowired
  private OperationsFigures figures;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void probesAnswerAnyoneWithAStatusOnly() throws Exception {
    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpResponse<String> answer = get(probe, null, null);
      assertThat(answer.statusCode()).as(probe).isEqualTo(200);
      assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
    }
  }

  @Test
  void everythingElseIsForAdministrators() throws Exception {
    for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/health/startup", "/actuator/prometheus",
        "/actuator/health/readiness/", "/actuator/health//liveness"}) {
      assertThat(get(path, null, null).statusCode()).as("anonymous " + path).isEqualTo(401);
      assertThat(get(path, "coordinator", DemoPeople.PASSWORD).statusCode()).as("coordinator " + path).isEqualTo(403);
      assertThat(get(path, "enterprise1", DemoPeople.PASSWORD).statusCode()).as("enterprise1 " + path).isEqualTo(403);
    }
    assertThat(get("/actuator/prometheus", "admin", adminPassword).statusCode()).isEqualTo(200);
    HttpResponse<String> health = get("/actuator/health", "admin", adminPassword);
    assertThat(health.statusCode()).isIn(200, 503);
    JsonNode startup = new ObjectMapper().readTree(health.body()).path("components").path("startup");
    assertThat(startup.path("status").asText()).isEqualTo("UP");
    assertThat(startup.path("details").path("engine").asText()).isEqualTo("ready");
    assertThat(startup.path("details").path("migrations").asText()).isEqualTo("ready");
  }

  @Test
  void figuresMoveByWhatWasDone() throws Exception {
    Map<String, Double> before = scrape();

    // opened and walked two steps on 2 March 2026, so its task is long overdue today
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T01:00:00Z")));
    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_ConfirmSamplingSlip", Route.remediated());
    ClockUtil.reset();
    Task task = walker.openTask(caseNumber);
    String phase = (String) engine.getTaskService().getVariableLocal(task.getId(), "phaseName");
    long timers = engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
        .count();
    Job failing = engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
        .list().get(0);
    engine.getManagementService().setJobRetries(failing.getId(), 0);
    // a task outside any case carries no phase: it counts under "none"
    Task withoutPhase = engine.getTaskService().newTask();
    withoutPhase.setName("无阶段 Without a phase");
    withoutPhase.setDueDate(Date.from(Instant.parse("2026-03-03T01:00:00Z")));
    engine.getTaskService().saveTask(withoutPhase);

    // refused twice: a field the form does not have, then a value its checks refuse
    assertThatThrownBy(() -> walker.submit(task, Map.of("slipConfirmed", true, "riskLevel", "LOW")))
        .isInstanceOf(FormRefusal.class);
    Map<String, Object> tooLong = new HashMap<>(walker.valuesFor(task, Route.remediated()));
    tooLong.put("enterpriseSignatory", "李".repeat(101));
    assertThatThrownBy(() -> walker.submit(task, tooLong)).isInstanceOf(FormRefusal.class);

    try {
      Map<String, Double> after = scrape();
      assertThat(delta(before, after, "riskmonitor_tasks_open{phase=\"" + phase + "\"}")).isEqualTo(1);
      assertThat(delta(before, after, "riskmonitor_tasks_overdue{phase=\"" + phase + "\"}")).isEqualTo(1);
      assertThat(delta(before, after, "riskmonitor_tasks_open{phase=\"none\"}")).isEqualTo(1);
      assertThat(delta(before, after, "riskmonitor_tasks_overdue{phase=\"none\"}")).isEqualTo(1);
      assertThat(delta(before, after, "camunda_jobs_open{process=\"risk-case\",type=\"timer\"}")).isEqualTo(timers - 1);
      assertThat(delta(before, after, "camunda_jobs_failed{process=\"risk-case\",type=\"timer\"}")).isEqualTo(1);
      assertThat(delta(before, after, "camunda_incidents_open{process=\"risk-case\",type=\"failedJob\"}")).isEqualTo(1);
      assertThat(delta(before, after, "riskmonitor_submissions_refused_total")).isEqualTo(2);
      assertThat(after).containsKeys("riskmonitor_mails_waiting{state=\"pending\"}",
          "riskmonitor_mails_waiting{state=\"retrying\"}");
    } finally {
      // other tests share the engine: the timer is not left failing, nor the task open
      engine.getManagementService().setJobRetries(failing.getId(), 3);
      engine.getTaskService().deleteTask(withoutPhase.getId(), true);
    }
  }

  private Map<String, Double> scrape() throws IOException, InterruptedException {
    figures.refresh();
    HttpResponse<String> answer = get("/actuator/prometheus", "admin", adminPassword);
    assertThat(answer.statusCode()).isEqualTo(200);
    Map<String, Double> samples = new HashMap<>();
    for (String line : answer.body().split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!line.startsWith("#") && sample.matches()) {
        samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
      }
    }
    return samples;
  }

  private static long delta(Map<String, Double> before, Map<String, Double> after, String series) {
    assertThat(after).as("scraped series").containsKey(series);
    return Math.round(after.get(series) - before.getOrDefault(series, 0.0));
  }

  private HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
