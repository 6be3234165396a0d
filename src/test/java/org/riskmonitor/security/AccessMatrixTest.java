package org.riskmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Roles × actions over REST, on cases of two enterprises and two labs. Every cross-company and
 * cross-lab cell is denied; every own cell is allowed; the regulator's staff read everything but
 * change only their own tasks. The matrix is printed.
 */
class AccessMatrixTest extends RiskMonitorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TestRestTemplate rest;

  private Task enterprise1Task;
  private Task enterprise2Task;
  private Task labATask;

  @BeforeEach
  void casesOfTwoEnterprisesAndALabTask() {
    enterprise1Task = taskAt(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "Task_ConfirmSamplingSlip");
    enterprise2Task = taskAt(DemoPeople.ENTERPRISES.get(1).get(0), "WIRE_CABLE", "Task_ConfirmSamplingSlip");
    labATask = taskAt(DemoPeople.ENTERPRISES.get(1).get(0), "WIRE_CABLE", "Task_ReceiveSample");
  }

  @Test
  void eachRoleSeesAndDoesOnlyItsOwnWork() {
    Map<String, Map<String, String>> matrix = new LinkedHashMap<>();
    Map<String, Task> targets = Map.of("enterprise1's task", enterprise1Task, "enterprise2's task", enterprise2Task,
        "lab A's task", labATask);
    List<String> actors = List.of("enterprise1", "enterprise2", "lab1", "lab2", "expert1", "sampler", "coordinator",
        "manager");
    for (String actor : actors) {
      for (Map.Entry<String, Task> target : targets.entrySet()) {
        Task task = target.getValue();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("list", listed(actor, "/engine-rest/task?processInstanceBusinessKey=" + businessKey(task)) ? "yes" : "no");
        row.put("read", status(actor, HttpMethod.GET, "/engine-rest/task/" + task.getId(), null));
        row.put("variables", status(actor, HttpMethod.GET, "/engine-rest/task/" + task.getId() + "/variables", null));
        row.put("form vars", status(actor, HttpMethod.GET, "/engine-rest/task/" + task.getId() + "/form-variables", null));
        row.put("history", listed(actor, "/engine-rest/history/task?taskId=" + task.getId()) ? "yes" : "no");
        row.put("download", status(actor, HttpMethod.GET, "/api/documents/" + latestDocument(task), null));
        row.put("claim", status(actor, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim",
            "{\"userId\": \"" + actor + "\"}"));
        if ("204".equals(row.get("claim"))) {
          engine.getTaskService().setAssignee(task.getId(), null);
        }
        matrix.put(actor + " → " + target.getKey(), row);
      }
    }
    print(matrix);

    Map<String, List<String>> own = Map.of(
        "enterprise1", List.of("enterprise1's task"), "enterprise2", List.of("enterprise2's task"),
        "lab1", List.of("lab A's task"), "lab2", List.of(), "expert1", List.of(), "sampler", List.of(),
        "coordinator", List.of(), "manager", List.of());
    for (String actor : actors) {
      boolean regulator = actor.equals("coordinator") || actor.equals("manager");
      for (String target : targets.keySet()) {
        Map<String, String> row = matrix.get(actor + " → " + target);
        boolean mine = own.get(actor).contains(target);
        String cell = actor + " → " + target;
        assertThat(row.get("list")).as(cell + " list").isEqualTo(mine || regulator ? "yes" : "no");
        assertThat(row.get("read")).as(cell + " read").isEqualTo(mine || regulator ? "200" : "404");
        assertThat(row.get("variables")).as(cell + " variables").isEqualTo(mine || regulator ? "200" : "403");
        assertThat(row.get("form vars")).as(cell + " form variables").isEqualTo(mine || regulator ? "200" : "403");
        assertThat(row.get("history")).as(cell + " history").isEqualTo(mine || regulator ? "yes" : "no");
        assertThat(row.get("claim")).as(cell + " claim").isEqualTo(mine ? "204" : "403");
        // documents belong to the case: its enterprise, the lab assigned to test it (lab A for all
        // three), the sampler who drew it; lab A's task is on a case of enterprise2
        boolean onCase = regulator || actor.equals("sampler") || actor.equals("lab1")
            || (actor.equals("enterprise1") && target.equals("enterprise1's task"))
            || (actor.equals("enterprise2") && !target.equals("enterprise1's task"));
        assertThat(row.get("download")).as(cell + " download").isEqualTo(onCase ? "200" : "403");
      }
    }
  }

  @Test
  void enterprise1CompletingEnterprise2sTaskById_is403AndTheCaseIsUnchanged() {
    Map<String, Object> values = walker.valuesFor(enterprise2Task, Route.remediated());
    String body = "{\"variables\": {\"slipConfirmed\": {\"value\": true, \"type\": \"Boolean\"},"
        + "\"enterpriseSignatory\": {\"value\": \"" + values.get("enterpriseSignatory") + "\", \"type\": \"String\"}}}";

    assertThat(status("enterprise1", HttpMethod.POST, "/engine-rest/task/" + enterprise2Task.getId() + "/submit-form", body))
        .isEqualTo("403");
    assertThat(status("enterprise1", HttpMethod.POST, "/engine-rest/task/" + enterprise2Task.getId() + "/complete", body))
        .isEqualTo("403");
    assertThat(engine.getTaskService().createTaskQuery().taskId(enterprise2Task.getId()).count()).isEqualTo(1);
    assertThat(count("rm_sampling_slip", "case_id = (SELECT id FROM rm_monitoring_case WHERE case_number = ?) "
        + "AND confirmed_at IS NOT NULL", businessKey(enterprise2Task))).isZero();

    assertThat(status("enterprise2", HttpMethod.POST, "/engine-rest/task/" + enterprise2Task.getId() + "/submit-form", body))
        .isEqualTo("204");
  }

  @Test
  void restResourceFamilies_showAnEnterpriseNothingOfOtherCompanies_orAreNotOffered() {
    String other = businessKey(enterprise2Task);
    for (String family : List.of("/engine-rest/process-instance", "/engine-rest/execution", "/engine-rest/variable-instance",
        "/engine-rest/history/process-instance", "/engine-rest/history/variable-instance",
        "/engine-rest/history/activity-instance", "/engine-rest/history/task", "/engine-rest/job",
        "/engine-rest/incident", "/engine-rest/deployment", "/engine-rest/user", "/engine-rest/group",
        "/engine-rest/authorization", "/engine-rest/task")) {
      ResponseEntity<String> response = rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD)
          .getForEntity(family + "?maxResults=1000", String.class);
      // an enterprise lists its own tasks and their history; every other family is not offered to it
      boolean offered = family.equals("/engine-rest/task") || family.equals("/engine-rest/history/task");
      assertThat(response.getStatusCode().value()).as(family).isEqualTo(offered ? 200 : 403);
      assertThat(response.getBody()).as(family).doesNotContain(other).doesNotContain(enterprise2Task.getId())
          .doesNotContain(DemoPeople.ENTERPRISES.get(1).get(1));
    }
    assertThat(rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD).getForEntity("/engine-rest/filter", String.class)
        .getBody()).contains("我的待办").doesNotContain("全部案件");
  }

  @Test
  void withoutCredentialsEverythingIs401() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/user",
        "/api/cases/TJ-2026-000001/documents")) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
    }
    assertThat(rest.withBasicAuth("nobody", "guess").getForEntity("/engine-rest/task", String.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  /** After a wrong password the engine refuses even the right one for a while (then locks after 10). */
  @Test
  void aFailedLoginSlowsTheNextAttempts() {
    String userId = "lockout" + System.nanoTime() % 100000;
    User user = engine.getIdentityService().newUser(userId);
    user.setPassword("Correct-Horse-7!");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(userId, Roles.ENTERPRISES);
    assertThat(rest.withBasicAuth(userId, "Correct-Horse-7!").getForEntity("/engine-rest/filter", String.class)
        .getStatusCode().value()).isEqualTo(200);

    assertThat(rest.withBasicAuth(userId, "wrong").getForEntity("/engine-rest/filter", String.class)
        .getStatusCode().value()).isEqualTo(401);
    // told to wait (LoginMessageTest has the messages)
    assertThat(rest.withBasicAuth(userId, "Correct-Horse-7!").getForEntity("/engine-rest/filter", String.class)
        .getStatusCode().value()).isEqualTo(429);
  }

  @Test
  void passwordsMustFollowThePolicy() {
    User user = engine.getIdentityService().newUser("weak" + System.nanoTime() % 100000);
    user.setPassword("demo");
    assertThatThrownBy(() -> engine.getIdentityService().saveUser(user)).hasMessageContaining("does not match policy");
  }

  private Task taskAt(String uscc, String kind, String taskKey) {
    String caseNumber = walker.open(uscc, kind, "产品").getBusinessKey();
    walker.advanceTo(caseNumber, taskKey, Route.remediated());
    return walker.openTask(caseNumber);
  }

  private long latestDocument(Task task) {
    return jdbc.queryForObject("SELECT MAX(d.id) FROM rm_document d JOIN rm_monitoring_case c ON c.id = d.case_id "
        + "WHERE c.case_number = ?", Long.class, businessKey(task));
  }

  private String businessKey(Task task) {
    return (String) engine.getTaskService().getVariable(task.getId(), "caseNumber");
  }

  private boolean listed(String user, String path) {
    ResponseEntity<String> response = rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity(path, String.class);
    try {
      JsonNode list = JSON.readTree(response.getBody());
      return list.isArray() && !list.isEmpty();
    } catch (Exception e) {
      throw new AssertionError(path + " answered " + response.getStatusCode() + ": " + response.getBody(), e);
    }
  }

  private String status(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return String.valueOf(rest.withBasicAuth(user, DemoPeople.PASSWORD)
        .exchange(path, method, new HttpEntity<>(body, headers), String.class).getStatusCode().value());
  }

  private static void print(Map<String, Map<String, String>> matrix) {
    List<String> columns = new ArrayList<>(matrix.values().iterator().next().keySet());
    StringBuilder out = new StringBuilder("\nAccess matrix (REST, HTTP status or listed yes/no)\n");
    out.append(String.format("%-42s", "who → whose task"));
    columns.forEach(c -> out.append(String.format("%-11s", c)));
    out.append('\n');
    matrix.forEach((cell, row) -> {
      out.append(String.format("%-42s", cell));
      row.values().forEach(v -> out.append(String.format("%-11s", v)));
      out.append('\n');
    });
    System.out.println(out);
  }
}
