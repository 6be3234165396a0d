package org.riskmonitor.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Each way an outside company could move or read a case past its forms, tried as that company:
 * every one refused, recorded in the audit trail, and the case where it was. The administrator
 * keeps the whole API.
 */
class EngineApiFindingsTest extends RiskMonitorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "apiadmin";
  private static final String ADMIN_PASSWORD = "Api-Admin-2026!";

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TestRestTemplate rest;

  private String caseNumber;
  private Task evidenceTask;

  @BeforeEach
  void anEnterpriseAtItsRemediationEvidence() {
    if (engine.getIdentityService().createUserQuery().userId(ADMIN).count() == 0) {
      User admin = engine.getIdentityService().newUser(ADMIN);
      admin.setPassword(ADMIN_PASSWORD);
      engine.getIdentityService().saveUser(admin);
      engine.getIdentityService().createMembership(ADMIN, Roles.ADMINS);
    }
    caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_SubmitRemediationEvidence", Route.remediated());
    evidenceTask = walker.openTask(caseNumber);
    assertThat(evidenceTask.getTaskDefinitionKey()).isEqualTo("Task_SubmitRemediationEvidence");
  }

  @Test
  void endingOwnTaskWithoutItsForm_isRefusedOnBothPathsAndRecorded() {
    String task = "/task/" + evidenceTask.getId();
    for (String[] attempt : new String[][] {{"/bpmnError", "{\"errorCode\": \"x\"}"}, {"/bpmnEscalation", "{\"escalationCode\": \"x\"}"},
        {"/resolve", "{}"}, {"/complete", "{}"}, {"/delegate", "{\"userId\": \"enterprise1\"}"},
        {"/assignee", "{\"userId\": \"enterprise2\"}"}, {"/variables", "{\"modifications\": {}}"},
        {"/localVariables", "{\"modifications\": {}}"}}) {
      ResponseEntity<String> answer = call("enterprise1", HttpMethod.POST, "/engine-rest" + task + attempt[0], attempt[1]);
      assertThat(answer.getStatusCode().value()).as(attempt[0]).isEqualTo(403);
      assertThat(answer.getBody()).contains("您的角色不能调用此接口", "This operation is not open to your role");
    }
    // the same through the engine API spelled with the engine's name
    assertThat(call("enterprise1", HttpMethod.POST, "/engine-rest/engine/default" + task + "/bpmnError",
        "{\"errorCode\": \"x\"}").getStatusCode().value()).isEqualTo(403);

    assertThat(walker.openTask(caseNumber).getId()).isEqualTo(evidenceTask.getId());
    assertThat(count("rm_remediation_evidence e JOIN rm_monitoring_case c ON c.id = e.case_id", "c.case_number = ?",
        caseNumber)).isZero();
    List<Map<String, Object>> recorded = jdbc.queryForList("SELECT a.actor, a.detail FROM rm_audit_entry a "
        + "JOIN rm_monitoring_case c ON c.id = a.case_id WHERE c.case_number = ? AND a.action = ? ORDER BY a.id",
        caseNumber, RefusedCalls.ACTION);
    assertThat(recorded).hasSize(9);
    assertThat(recorded.get(0).get("actor")).isEqualTo("enterprise1");
    assertThat(recorded.get(0).get("detail").toString()).contains("POST /task/{id}/bpmnError", evidenceTask.getId());
  }

  @Test
  void pathSpellingsAndMethodOverrides_doNotSlipPastTheList() {
    String task = "/engine-rest/task/" + evidenceTask.getId();
    assertThat(call("enterprise1", HttpMethod.POST, task + ";x=1/bpmnError", "{}").getStatusCode().value()).isEqualTo(403);
    assertThat(call("enterprise1", HttpMethod.POST, "/engine-rest//task/" + evidenceTask.getId() + "/resolve", "{}")
        .getStatusCode().value()).isIn(400, 403);
    HttpHeaders override = json();
    override.set("X-HTTP-Method-Override", "DELETE");
    assertThat(rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD).exchange(task + "/claim", HttpMethod.POST,
        new HttpEntity<>("{}", override), String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(call("enterprise1", HttpMethod.GET, "/engine-rest/engine/other/task", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(walker.openTask(caseNumber).getId()).isEqualTo(evidenceTask.getId());
  }

  @Test
  void anEnterpriseReadsOnlyWhatItsFormShows_neverTheCasesOtherVariablesOrHistory() throws Exception {
    String processInstanceId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber, "risk-case").singleResult().getId();
    assertThat(call("enterprise1", HttpMethod.GET, "/engine-rest/history/variable-instance?processInstanceId="
        + processInstanceId, null).getStatusCode().value()).isEqualTo(403);
    assertThat(call("enterprise1", HttpMethod.GET, "/engine-rest/history/detail?processInstanceId=" + processInstanceId,
        null).getStatusCode().value()).isEqualTo(403);
    assertThat(call("enterprise1", HttpMethod.GET, "/engine-rest/variable-instance?processInstanceIdIn="
        + processInstanceId, null).getStatusCode().value()).isEqualTo(403);

    for (String view : List.of("/form-variables", "/variables")) {
      ResponseEntity<String> answer = call("enterprise1", HttpMethod.GET, "/engine-rest/task/" + evidenceTask.getId() + view,
          null);
      assertThat(answer.getStatusCode().value()).isEqualTo(200);
      JsonNode variables = JSON.readTree(answer.getBody());
      assertThat(variables.has("caseNumber")).as(view).isTrue();
      assertThat(variables.has("correctionDeadlineText")).as(view).isTrue();
      for (String deliberation : List.of("expertOptions", "labOptions", "samplerOptions", "riskScenarios", "causes",
          "visitLeadExpertId")) {
        assertThat(variables.has(deliberation)).as(view + " " + deliberation).isFalse();
      }
    }
    // the coordinator reads the whole case, as before
    JsonNode all = JSON.readTree(call("coordinator", HttpMethod.GET, "/engine-rest/task/" + evidenceTask.getId()
        + "/form-variables", null).getBody());
    assertThat(all.has("expertOptions")).isTrue();
    // the History tab of its own task, and only with the task named
    assertThat(call("enterprise1", HttpMethod.GET, "/engine-rest/history/user-operation?taskId=" + evidenceTask.getId(),
        null).getStatusCode().value()).isEqualTo(200);
    assertThat(call("enterprise1", HttpMethod.GET, "/engine-rest/history/user-operation?processInstanceId="
        + processInstanceId, null).getStatusCode().value()).isEqualTo(403);
    // the administrator keeps the whole API
    assertThat(call(ADMIN, HttpMethod.GET, "/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId,
        null).getBody()).contains("expertOptions");
  }

  @Test
  void taskQueries_filterOnlyByTheCardsColumns_soNoHiddenVariableCanBeGuessed() {
    String guess = "{\"processVariables\": [{\"name\": \"expertOptions\", \"operator\": \"like\", \"value\": \"%expert1%\"}]}";
    assertThat(call("enterprise1", HttpMethod.POST, "/engine-rest/task", guess).getStatusCode().value()).isEqualTo(403);
    assertThat(call("enterprise1", HttpMethod.POST, "/engine-rest/task/count",
        "{\"orQueries\": [{\"taskVariables\": [{\"name\": \"riskLevel\", \"operator\": \"eq\", \"value\": \"HIGH\"}]}]}")
        .getStatusCode().value()).isEqualTo(403);
    assertThat(call("enterprise1", HttpMethod.POST, "/engine-rest/task",
        "{\"sorting\": [{\"sortBy\": \"processVariable\", \"sortOrder\": \"asc\", "
            + "\"parameters\": {\"variable\": \"expertOptions\", \"type\": \"String\"}}]}").getStatusCode().value())
        .isEqualTo(403);
    assertThat(call("enterprise1", HttpMethod.GET, "/engine-rest/task?processVariables=expertOptions_like_%25expert%25", null)
        .getStatusCode().value()).isEqualTo(403);
    String mine = engine.getFilterService().createFilterQuery().filterName(org.riskmonitor.tasklist.TaskFilters.MINE)
        .singleResult().getId();
    assertThat(call("enterprise1", HttpMethod.POST, "/engine-rest/filter/" + mine + "/list", guess).getStatusCode().value())
        .isEqualTo(403);

    // the card's own columns stay searchable, as Tasklist's search offers them
    ResponseEntity<String> byCase = call("enterprise1", HttpMethod.POST, "/engine-rest/task",
        "{\"taskVariables\": [{\"name\": \"caseNumber\", \"operator\": \"eq\", \"value\": \"" + caseNumber + "\"}]}");
    assertThat(byCase.getStatusCode().value()).isEqualTo(200);
    assertThat(byCase.getBody()).contains(evidenceTask.getId());
    assertThat(call("enterprise1", HttpMethod.GET, "/engine-rest/task?taskVariables=caseNumber_eq_" + caseNumber, null)
        .getBody()).contains(evidenceTask.getId());
    // the regulator's staff search every variable
    assertThat(call("coordinator", HttpMethod.POST, "/engine-rest/task", guess).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aUserInNoRoleReachesNothing() {
    String userId = "norole" + System.nanoTime() % 100000;
    User user = engine.getIdentityService().newUser(userId);
    user.setPassword("No-Role-Yet-2026!");
    engine.getIdentityService().saveUser(user);
    for (String path : List.of("/engine-rest/task", "/engine-rest/filter", "/engine-rest/process-definition")) {
      assertThat(call(userId, "No-Role-Yet-2026!", HttpMethod.GET, path, null).getStatusCode().value()).as(path)
          .isEqualTo(403);
    }
  }

  @Test
  void commentsAndAttachments_areClosedToEveryoneButAdministrators() {
    Comment comment = engine.getTaskService().createComment(evidenceTask.getId(), evidenceTask.getProcessInstanceId(),
        "仅管理员 administrators only");
    Attachment attachment = engine.getTaskService().createAttachment("text/plain", evidenceTask.getId(),
        evidenceTask.getProcessInstanceId(), "a.txt", "", "https://example.invalid/a");
    String task = "/engine-rest/task/" + evidenceTask.getId();
    for (String user : List.of("enterprise1", "enterprise2", "coordinator")) {
      assertThat(call(user, HttpMethod.POST, task + "/attachment/create", "{}").getStatusCode().value()).isEqualTo(403);
      assertThat(call(user, HttpMethod.GET, task + "/attachment/" + attachment.getId(), null).getStatusCode().value())
          .isEqualTo(403);
      assertThat(call(user, HttpMethod.GET, task + "/attachment/" + attachment.getId() + "/data", null).getStatusCode().value())
          .isEqualTo(403);
      assertThat(call(user, HttpMethod.DELETE, task + "/attachment/" + attachment.getId(), null).getStatusCode().value())
          .isEqualTo(403);
      assertThat(call(user, HttpMethod.GET, task + "/comment/" + comment.getId(), null).getStatusCode().value())
          .isEqualTo(403);
      assertThat(call(user, HttpMethod.POST, task + "/comment/create", "{\"message\": \"" + "x".repeat(100_000) + "\"}")
          .getStatusCode().value()).isEqualTo(403);
    }
    assertThat(engine.getTaskService().getTaskAttachments(evidenceTask.getId())).hasSize(1);
    assertThat(engine.getTaskService().getTaskComments(evidenceTask.getId())).hasSize(1);
    assertThat(call(ADMIN, HttpMethod.GET, task + "/attachment/" + attachment.getId(), null).getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void aUserChangesOnlyTheirOwnProfileAndPassword_andAWeakPasswordIsA400() {
    String userId = "pwchange" + System.nanoTime() % 100000;
    User user = engine.getIdentityService().newUser(userId);
    user.setFirstName("测试");
    user.setPassword("First-Password-2026!");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(userId, Roles.ENTERPRISES);

    assertThat(call(userId, "First-Password-2026!", HttpMethod.PUT, "/engine-rest/user/enterprise1/profile",
        "{\"id\": \"enterprise1\", \"firstName\": \"x\"}").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> weak = call(userId, "First-Password-2026!", HttpMethod.PUT,
        "/engine-rest/user/" + userId + "/credentials",
        "{\"password\": \"demo\", \"authenticatedUserPassword\": \"First-Password-2026!\"}");
    assertThat(weak.getStatusCode().value()).isEqualTo(400);
    assertThat(weak.getBody()).contains("新密码不符合密码规则", "password rules");
    assertThat(call(userId, "First-Password-2026!", HttpMethod.PUT, "/engine-rest/user/" + userId + "/credentials", "")
        .getStatusCode().value()).isEqualTo(400);
    assertThat(call(userId, "First-Password-2026!", HttpMethod.POST, "/engine-rest/identity/password-policy", "{}")
        .getStatusCode().value()).isEqualTo(400);

    assertThat(call(userId, "First-Password-2026!", HttpMethod.PUT, "/engine-rest/user/" + userId + "/credentials",
        "{\"password\": \"Second-Password-2026!\", \"authenticatedUserPassword\": \"First-Password-2026!\"}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(engine.getIdentityService().checkPassword(userId, "Second-Password-2026!")).isTrue();
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    return call(user, ADMIN.equals(user) ? ADMIN_PASSWORD : DemoPeople.PASSWORD, method, path, body);
  }

  private ResponseEntity<String> call(String user, String password, HttpMethod method, String path, String body) {
    return rest.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(body, json()), String.class);
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
