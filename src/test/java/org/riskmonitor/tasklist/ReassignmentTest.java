package org.riskmonitor.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RestVariables;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.expert.ExpertPool;
import org.riskmonitor.security.RoleAuthorizations;
import org.riskmonitor.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A coordinator reassigns an open task with a reason; the reason stays in the audit trail. The task
 * goes only to someone who may do that step of that case, and the previous assignee keeps nothing
 * the task gave them.
 */
class ReassignmentTest extends RiskMonitorTest {

  private static final String E_BIKES = DemoPeople.ENTERPRISES.get(0).get(0);
  private static final String CABLES = DemoPeople.ENTERPRISES.get(1).get(0);
  /** A second user of the e-bike maker, so a task can move within the company. */
  private static final String COLLEAGUE = "enterprise1b";

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TestRestTemplate rest;

  @Test
  void aCoordinatorReassignsWithAReason_othersMayNot() {
    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_AssessRisk", Route.remediated());
    Task assess = walker.openTask(caseNumber);
    String path = "/api/tasks/" + assess.getId() + "/reassignment";

    assertThat(post("enterprise1", path, Map.of("assignee", "expert2", "reason", "x")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(post("coordinator", path, Map.of("assignee", "expert2")).getStatusCode().value()).isEqualTo(400);
    assertThat(post("coordinator", path, Map.of("assignee", "nobody", "reason", "休假")).getStatusCode().value())
        .isEqualTo(400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(assess.getId()).singleResult().getAssignee())
        .isNotEqualTo("expert2");

    ResponseEntity<Map> done = post("coordinator", path, Map.of("assignee", "expert2", "reason", "原专家休假 expert on leave"));
    assertThat(done.getStatusCode().value()).isEqualTo(200);
    assertThat(engine.getTaskService().createTaskQuery().taskId(assess.getId()).singleResult().getAssignee())
        .isEqualTo("expert2");
    assertThat(jdbc.queryForObject("SELECT detail FROM rm_audit_entry WHERE action = 'reassign-task' AND actor = 'coordinator'"
        + " AND case_id = (SELECT id FROM rm_monitoring_case WHERE case_number = ?)", String.class, caseNumber))
        .contains("原专家休假").contains("\"to\":\"expert2\"");
    assertThat(count("rm_notification", "task_id = ? AND recipient = 'expert2' AND kind = 'REASSIGNED:expert2'",
        assess.getId())).isEqualTo(1);
  }

  @Test
  void anotherCompanysUser_orSomeoneOutsideTheStep_isRefused_andNothingChanges() {
    String caseNumber = walker.open(E_BIKES, "E_BIKE", "电动自行车").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_ConfirmSamplingSlip", Route.remediated());
    Task confirm = walker.openTask(caseNumber);
    String path = "/api/tasks/" + confirm.getId() + "/reassignment";

    for (String outsider : List.of("enterprise2", "expert1", "lab1", "coordinator", "admin")) {
      ResponseEntity<Map> refused = post("coordinator", path, Map.of("assignee", outsider, "reason", "企业联系人变更"));
      assertThat(refused.getStatusCode().value()).as(outsider).isEqualTo(400);
      assertThat((String) refused.getBody().get("message")).as(outsider)
          .contains("不能办理本案件的这一环节").contains("may not do this step of this case");
      assertThat(userGrants(outsider, confirm.getId())).as(outsider).isEmpty();
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(confirm.getId()).singleResult().getAssignee()).isNull();
    assertThat(reassignmentsOf(caseNumber)).isZero();
    assertThat(count("rm_notification", "task_id = ? AND kind LIKE 'REASSIGNED:%'", confirm.getId())).isZero();
    ResponseEntity<String> enterprise2Reads = rest.withBasicAuth("enterprise2", DemoPeople.PASSWORD)
        .getForEntity("/engine-rest/task/" + confirm.getId() + "/form-variables", String.class);
    assertThat(enterprise2Reads.getStatusCode().value()).isIn(403, 404);

    ensureColleague();
    ResponseEntity<Map> accepted = post("coordinator", path, Map.of("assignee", COLLEAGUE, "reason", "企业联系人变更"));
    assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(200);
    assertThat(engine.getTaskService().createTaskQuery().taskId(confirm.getId()).singleResult().getAssignee())
        .isEqualTo(COLLEAGUE);
    assertThat(reassignmentsOf(caseNumber)).isEqualTo(1);
  }

  @Test
  void aLabStepStaysWithTheCasesLab() {
    String caseNumber = walker.open(E_BIKES, "E_BIKE_CHARGER", "电动自行车充电器").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_ReceiveSample", Route.remediated());
    Task receive = walker.openTask(caseNumber);
    String path = "/api/tasks/" + receive.getId() + "/reassignment";

    assertThat(post("coordinator", path, Map.of("assignee", "lab2", "reason", "样品转送")).getStatusCode().value())
        .isEqualTo(400);
    assertThat(post("coordinator", path, Map.of("assignee", "lab1b", "reason", "检验员休假")).getStatusCode().value())
        .isEqualTo(200);
    assertThat(engine.getTaskService().createTaskQuery().taskId(receive.getId()).singleResult().getAssignee())
        .isEqualTo("lab1b");
  }

  @Test
  void anExpertWithADeclaredConflict_isRefused() {
    // expert2 declared a conflict with the cable maker (demo data)
    String caseNumber = walker.open(CABLES, "WIRE_CABLE", "电线电缆").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_AssessRisk", Route.remediated());
    Task assess = walker.openTask(caseNumber);
    String before = assess.getAssignee();

    ResponseEntity<Map> refused = post("coordinator", "/api/tasks/" + assess.getId() + "/reassignment",
        Map.of("assignee", "expert2", "reason", "原专家休假"));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message")).contains(ExpertPool.CONFLICT_REFUSAL);
    assertThat(engine.getTaskService().createTaskQuery().taskId(assess.getId()).singleResult().getAssignee())
        .isEqualTo(before);
    assertThat(userGrants("expert2", assess.getId())).isEmpty();
    assertThat(reassignmentsOf(caseNumber)).isZero();
  }

  @Test
  void afterReassignment_thePreviousExpertCanNoLongerReachTheTask_andTheNewOneWorksIt() {
    String caseNumber = walker.open(E_BIKES, "E_BIKE", "电动自行车").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_AssessRisk", Route.remediated());
    Task assess = walker.openTask(caseNumber);
    String previous = assess.getAssignee();
    String next = "expert3";
    assertThat(previous).isEqualTo("expert1");
    // what the engine grants an assignee: the task (work, read its variables) and the task's history
    assertThat(userGrants(previous, assess.getId())).containsExactlyInAnyOrder(Resources.TASK.resourceType(),
        Resources.HISTORIC_TASK.resourceType());
    assertThat(reads(previous, assess).values()).as("before the reassignment").containsOnly(200);
    assertThat(historyVisibleTo(previous, assess)).as("before the reassignment").isPositive();

    ResponseEntity<Map> done = post("coordinator", "/api/tasks/" + assess.getId() + "/reassignment",
        Map.of("assignee", next, "reason", "原专家出差 expert travelling"));
    assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);

    assertThat(userGrants(previous, assess.getId())).isEmpty();
    reads(previous, assess).forEach((read, status) -> assertThat(status).as(read).isIn(403, 404));
    assertThat(historyOverRest(previous, assess)).isEmpty();
    assertThat(historyVisibleTo(previous, assess)).isZero();
    assertThat(listOverRest(previous, "/engine-rest/task?processInstanceId=" + assess.getProcessInstanceId())).isEmpty();

    assertThat(reads(next, assess).values()).containsOnly(200);
    assertThat(historyVisibleTo(next, assess)).isPositive();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> submitted = rest.withBasicAuth(next, DemoPeople.PASSWORD).exchange(
        "/engine-rest/task/" + assess.getId() + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(RestVariables.body(walker.valuesFor(assess, Route.remediated())), headers), String.class);
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);
  }

  /** Who may do a step is read from its definition: every user task of ours names groups there. */
  @Test
  void everyStepNamesWhoMayDoIt() {
    for (String process : RoleAuthorizations.PROCESSES) {
      String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(process)
          .latestVersion().singleResult().getId();
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definitionId);
      for (UserTask step : model.getModelElementsByType(UserTask.class)) {
        List<String> declared = StepPerformers.declaredGroups(step);
        assertThat(declared).as(step.getId()).isNotEmpty();
        assertThat(declared).as(step.getId()).allMatch(group -> group.matches("\\$\\{\\w+}")
            || Roles.ANY_CASE.contains(group));
      }
    }
  }

  /** Status of each read the assignee of a task makes over /engine-rest. */
  private Map<String, Integer> reads(String user, Task task) {
    String base = "/engine-rest/task/" + task.getId();
    return Map.of("task", status(user, base), "variables", status(user, base + "/variables"),
        "form variables", status(user, base + "/form-variables"));
  }

  /**
   * What the user gets over /engine-rest from the task's history, its variables' history and
   * their details: the entries of each list; a refused query (403) shows nothing either.
   */
  private String historyOverRest(String user, Task task) {
    return listOverRest(user, "/engine-rest/history/task?taskId=" + task.getId())
        + listOverRest(user, "/engine-rest/history/variable-instance?processInstanceId=" + task.getProcessInstanceId())
        + listOverRest(user, "/engine-rest/history/detail?processInstanceId=" + task.getProcessInstanceId());
  }

  /** A list's entries as the user gets them ("" when empty or refused). */
  private String listOverRest(String user, String path) {
    ResponseEntity<String> response = rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity(path, String.class);
    assertThat(response.getStatusCode().value()).as(path).isIn(200, 403);
    return response.getStatusCode().value() == 403 ? "" : response.getBody().replace("[]", "");
  }

  /** History rows of the task and of its case's variables the engine shows the user, through the Java API. */
  private long historyVisibleTo(String user, Task task) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).count()
          + engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private int status(String user, String path) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity(path, String.class).getStatusCode().value();
  }

  private List<Integer> userGrants(String user, String taskId) {
    return engine.getAuthorizationService().createAuthorizationQuery().userIdIn(user).resourceId(taskId).list().stream()
        .map(Authorization::getResourceType).toList();
  }

  private long reassignmentsOf(String caseNumber) {
    return count("rm_audit_entry", "action = 'reassign-task' AND case_id = (SELECT id FROM rm_monitoring_case "
        + "WHERE case_number = ?)", caseNumber);
  }

  private void ensureColleague() {
    if (engine.getIdentityService().createUserQuery().userId(COLLEAGUE).count() == 0) {
      User colleague = engine.getIdentityService().newUser(COLLEAGUE);
      colleague.setLastName("李");
      colleague.setFirstName("华");
      colleague.setPassword(DemoPeople.PASSWORD);
      ((IdentityServiceImpl) engine.getIdentityService()).saveUser(colleague, true);
      engine.getIdentityService().createMembership(COLLEAGUE, Roles.ENTERPRISES);
      engine.getIdentityService().createMembership(COLLEAGUE, "ent" + E_BIKES);
    }
  }

  private ResponseEntity<Map> post(String user, String path, Map<String, String> body) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).postForEntity(path, body, Map.class);
  }
}
