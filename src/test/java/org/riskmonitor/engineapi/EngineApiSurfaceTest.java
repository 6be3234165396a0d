package org.riskmonitor.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.assignment.AssignmentOptions;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.engineapi.EngineApiOperations.Operation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of Camunda's REST API description (399 in 7.24), on both paths the API is
 * served on, called as an enterprise user, a lab user, an expert and a coordinator, against a case
 * of their own and a case of someone else. Every operation outside the role's allow-list is
 * refused; nothing answers 500; no outside role gets another party's case or the regulator's
 * internal deliberations back; and every case is exactly as it was. The table proven is printed.
 *
 * <p>First in the suite: its 6,384 calls include the regulator's queries over all of the engine's
 * history, which cost in proportion to what the tests before it left (77 s alone on H2, 216-234 s
 * late in the suite, 518 s on MySQL).
 */
@Order(1)
class EngineApiSurfaceTest extends RiskMonitorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REFUSED = "This operation is not open to your role";
  /** Variables the regulator keeps to itself: who could be chosen, with workloads and conflicts. */
  private static final List<String> DELIBERATIONS = List.of("samplerOptions", "labOptions", "retestLabOptions",
      "expertOptions", "problemOptions");
  private static final Map<ApiRole, String> LETTERS = Map.of(ApiRole.ENTERPRISE, "E", ApiRole.LAB, "L",
      ApiRole.SAMPLER, "S", ApiRole.EXPERT, "X", ApiRole.COORDINATOR, "C", ApiRole.MANAGER, "M");
  private static final String E_BIKES = DemoPeople.ENTERPRISES.get(0).get(0);
  private static final String CABLES = DemoPeople.ENTERPRISES.get(1).get(0);

  @Autowired
  private CaseWalker walker;

  @Autowired
  private MonitoringCases cases;

  @Autowired
  private AssignmentOptions options;

  @Autowired
  private EngineApiOperations operations;

  @Autowired
  private EngineApiAllowList allowList;

  @LocalServerPort
  private int port;

  /** A case as one caller meets it: the ids that fill the operations' path parameters. */
  private record Target(String label, String caseNumber, String taskId, String assignee, String processInstanceId,
                        String userId, String groupId, Map<String, String> ids, List<String> foreignMarkers) {
  }

  private record Actor(String userId, ApiRole role, Target own, Target other) {
  }

  @Test
  void everyOperationOnBothPaths_isRefusedOutsideTheRolesAllowList_andLeavesEveryCaseAsItWas() throws Exception {
    String enterpriseCase = caseAt(E_BIKES, "E_BIKE", "Task_ConfirmSamplingSlip", false);
    String otherEnterpriseCase = caseAt(CABLES, "WIRE_CABLE", "Task_ConfirmSamplingSlip", false);
    String labACase = caseAt(CABLES, "WIRE_CABLE", "Task_ReceiveSample", false);
    String labBCase = caseAt(CABLES, "WIRE_CABLE", "Task_ReceiveSample", true);
    String expert1Case = caseAt(E_BIKES, "E_BIKE", "Task_AssessRisk", false);
    String expert3Case = caseAt(CABLES, "WIRE_CABLE", "Task_AssessRisk", false);
    String coordinatorCase = caseAt(E_BIKES, "E_BIKE", "Task_AssignSampling", false);
    assertThat(assigneeOrCandidate(expert1Case)).isEqualTo("expert1");
    assertThat(assigneeOrCandidate(expert3Case)).isEqualTo("expert3");

    List<Actor> actors = List.of(
        new Actor("enterprise1", ApiRole.ENTERPRISE, target("own", enterpriseCase, "enterprise1", groupOf(E_BIKES)),
            target("other company's", otherEnterpriseCase, "enterprise2", groupOf(CABLES),
                DemoPeople.ENTERPRISES.get(1).get(1), CABLES)),
        new Actor("lab1", ApiRole.LAB, target("own", labACase, "lab1", labGroup(labACase)),
            target("other lab's", labBCase, "lab2", labGroup(labBCase))),
        new Actor("expert1", ApiRole.EXPERT, target("own", expert1Case, "expert1", "experts"),
            target("other expert's", expert3Case, "expert3", "experts")),
        new Actor("coordinator", ApiRole.COORDINATOR, target("own", coordinatorCase, "coordinator", "coordinators"),
            target("other company's", otherEnterpriseCase, "enterprise2", groupOf(CABLES))));
    List<String> allCases = List.of(enterpriseCase, otherEnterpriseCase, labACase, labBCase, expert1Case, expert3Case,
        coordinatorCase);
    Map<String, String> before = new LinkedHashMap<>();
    allCases.forEach(c -> before.put(c, snapshot(c)));

    Map<String, Map<String, String>> table = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int calls = 0;
    for (Actor actor : actors) {
      Session session = new Session(actor.userId());
      for (Target target : List.of(actor.own(), actor.other())) {
        for (Operation operation : operations.all()) {
          boolean expectedOpen = opens(operation, actor, target);
          for (boolean webapp : List.of(false, true)) {
            String path = path(operation, target, actor);
            HttpResponse<String> answer = session.call(operation.method(), path, body(operation, actor), webapp);
            calls++;
            String where = actor.userId() + " → " + target.label() + " case, " + (webapp ? "webapp " : "REST ")
                + operation.name() + " (" + path + ") answered " + answer.statusCode() + ": " + abbreviated(answer.body());
            boolean refused = answer.statusCode() == 403 && answer.body().contains(REFUSED);
            if (answer.statusCode() >= 500) {
              failures.add("500 for " + where);
            }
            if (!expectedOpen && !refused) {
              failures.add("not refused: " + where);
            }
            if (expectedOpen && refused) {
              failures.add("refused but on the allow-list: " + where);
            }
            if (actor.role().outside()) {
              for (String marker : actor.other().foreignMarkers()) {
                if (!path.contains(marker) && answer.body().contains(marker)) {
                  failures.add("another party's data (" + marker + ") in " + where);
                }
              }
              for (String marker : DELIBERATIONS) {
                if (answer.body().contains(marker)) {
                  failures.add("the regulator's deliberations (" + marker + ") in " + where);
                }
              }
            }
            if (!webapp) {
              table.computeIfAbsent(operation.name(), o -> new LinkedHashMap<>())
                  .put(LETTERS.get(actor.role()) + (target == actor.own() ? " own" : " other"),
                      refused ? "·" : String.valueOf(answer.statusCode()));
            }
          }
          restoreAssignee(target);
        }
      }
    }
    print(table, calls);
    allCases.forEach(c -> assertThat(snapshot(c)).as("case %s after every call", c).isEqualTo(before.get(c)));
    assertThat(failures).as("%d of %d calls", failures.size(), calls).isEmpty();
  }

  // ---- the cases and their ids ----

  private String caseAt(String uscc, String kind, String taskKey, boolean secondLab) {
    String caseNumber = walker.open(uscc, kind, "产品").getBusinessKey();
    if (secondLab) {
      walker.advanceTo(caseNumber, "Task_AssignSampling", Route.remediated());
      Task assign = walker.openTask(caseNumber);
      Map<String, Object> values = walker.valuesFor(assign, Route.remediated());
      var monitoringCase = cases.byNumber(caseNumber);
      long first = options.eligibleLabs(monitoringCase, null).get(0).id();
      values.put("labId", String.valueOf(options.eligibleLabs(monitoringCase, first).get(0).id()));
      walker.submit(assign, values);
    }
    walker.advanceTo(caseNumber, taskKey, Route.remediated());
    Task task = walker.openTask(caseNumber);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    return caseNumber;
  }

  /**
   * Undoes a claim, unclaim or delegation a role may make, for the next operation. Setting the
   * assignee it already has would cost an engine command of its own after each of the thousands of calls.
   */
  private void restoreAssignee(Target target) {
    List<String> assignee = jdbc.queryForList("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class,
        target.taskId());
    if (!assignee.equals(Collections.singletonList(target.assignee()))) {
      engine.getTaskService().setAssignee(target.taskId(), target.assignee());
    }
  }

  private String assigneeOrCandidate(String caseNumber) {
    return walker.openTask(caseNumber).getAssignee();
  }

  private String labGroup(String caseNumber) {
    Task task = walker.openTask(caseNumber);
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
  }

  private static String groupOf(String uscc) {
    return "ent" + uscc;
  }

  private Target target(String label, String caseNumber, String userId, String groupId, String... extraMarkers) {
    Task task = walker.openTask(caseNumber);
    String processInstanceId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber, "risk-case").singleResult().getId();
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("task", task.getId());
    ids.put("process-instance", processInstanceId);
    ids.put("process-definition", task.getProcessDefinitionId());
    ids.put("deployment", engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId())
        .getDeploymentId());
    ids.put("resource", engine.getRepositoryService().getDeploymentResources(ids.get("deployment")).get(0).getId());
    ids.put("decision-definition", engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("risk-level").latestVersion().singleResult().getId());
    ids.put("activity-instance", engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).list().get(0).getId());
    // an option list the coordinator chose from: the regulator's own deliberation
    ids.put("historic-variable", engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName("samplerOptions").singleResult().getId());
    ids.put("variable", engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
        .variableName("samplerOptions").singleResult().getId());
    ids.put("detail", engine.getHistoryService().createHistoricDetailQuery().processInstanceId(processInstanceId)
        .list().get(0).getId());
    ids.put("job", engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
        .list().get(0).getId());
    ids.put("job-definition", engine.getManagementService().createJobDefinitionQuery()
        .processDefinitionId(task.getProcessDefinitionId()).list().get(0).getId());
    ids.put("operation", engine.getHistoryService().createUserOperationLogQuery().processInstanceId(processInstanceId)
        .list().get(0).getOperationId());
    ids.put("authorization", engine.getAuthorizationService().createAuthorizationQuery()
        .resourceId(task.getId()).list().stream().findFirst().map(a -> a.getId()).orElse("none"));
    ids.put("filter", engine.getFilterService().createFilterQuery().filterName(org.riskmonitor.tasklist.TaskFilters.ALL_OPEN).singleResult().getId());
    // a comment and an attachment the administrator left on the task: nobody else reads or deletes them by id
    Comment comment = engine.getTaskService().createComment(task.getId(), task.getProcessInstanceId(), "内部备注 internal note");
    Attachment attachment = engine.getTaskService().createAttachment("text/plain", task.getId(),
        task.getProcessInstanceId(), "note.txt", "内部附件", "https://example.invalid/note");
    ids.put("comment", comment.getId());
    ids.put("attachment", attachment.getId());
    List<String> markers = new ArrayList<>(List.of(caseNumber, task.getId(), processInstanceId, task.getProcessInstanceId(),
        comment.getId(), attachment.getId()));
    markers.addAll(List.of(extraMarkers));
    return new Target(label, caseNumber, task.getId(), task.getAssignee(), processInstanceId, userId, groupId, ids,
        markers);
  }

  /** Everything of the case a call could change, but who has claimed its task. */
  private String snapshot(String caseNumber) {
    String instances = "SELECT e.PROC_INST_ID_ FROM ACT_RU_EXECUTION e WHERE e.BUSINESS_KEY_ = ?";
    List<String> state = new ArrayList<>();
    state.add(jdbc.queryForList("SELECT ACT_ID_, IS_ACTIVE_, SUSPENSION_STATE_ FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ IN ("
        + instances + ") ORDER BY ID_", caseNumber).toString());
    state.add(jdbc.queryForList("SELECT ID_, TASK_DEF_KEY_, NAME_, DUE_DATE_, FOLLOW_UP_DATE_, PRIORITY_, OWNER_, "
        + "DESCRIPTION_, DELEGATION_, SUSPENSION_STATE_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (" + instances
        + ") ORDER BY ID_", caseNumber).toString());
    state.add(jdbc.queryForList("SELECT NAME_, TYPE_, TEXT_, TEXT2_, LONG_, DOUBLE_, BYTEARRAY_ID_ FROM ACT_RU_VARIABLE "
        + "WHERE PROC_INST_ID_ IN (" + instances + ") ORDER BY ID_", caseNumber).toString());
    state.add(jdbc.queryForList("SELECT l.TYPE_, l.USER_ID_, l.GROUP_ID_ FROM ACT_RU_IDENTITYLINK l JOIN ACT_RU_TASK t "
        + "ON t.ID_ = l.TASK_ID_ WHERE t.PROC_INST_ID_ IN (" + instances + ") ORDER BY l.ID_", caseNumber).toString());
    state.add(jdbc.queryForList("SELECT COUNT(*) FROM ACT_HI_COMMENT WHERE PROC_INST_ID_ IN (" + instances + ")",
        caseNumber).toString());
    state.add(jdbc.queryForList("SELECT COUNT(*) FROM ACT_HI_ATTACHMENT WHERE PROC_INST_ID_ IN (" + instances + ")",
        caseNumber).toString());
    Long caseId = jdbc.queryForObject("SELECT id FROM rm_monitoring_case WHERE case_number = ?", Long.class, caseNumber);
    state.add(jdbc.queryForList("SELECT * FROM rm_monitoring_case WHERE id = ?", caseId).toString());
    for (String table : List.of("rm_sampling_slip", "rm_lab_receipt", "rm_test_report", "rm_risk_assessment",
        "rm_document")) {
      state.add(table + "=" + count(table, "case_id = ?", caseId));
    }
    state.add(jdbc.queryForList("SELECT action, actor, detail FROM rm_audit_entry WHERE case_id = ? AND action <> ? "
        + "ORDER BY id", caseId, RefusedCalls.ACTION).toString());
    return String.join("\n", state);
  }

  // ---- what each call is ----

  /** What the allow-list opens to this role for this call, judged from the table as a reader would. */
  private boolean opens(Operation operation, Actor actor, Target target) {
    return allowList.rowsFor(operation, Set.of(actor.role())).stream().anyMatch(row -> switch (row.condition()) {
      case SELF -> idFor(operation, "id", actor, target).equals(actor.userId());
      case OWN_GROUPS -> target.userId().equals(actor.userId());
      case NONE, TASK_PARAM, FORM_VIEW, CARD_FILTERS, LIMS -> true;
    });
  }

  private String path(Operation operation, Target target, Actor actor) {
    StringBuilder path = new StringBuilder();
    for (String segment : operation.segments()) {
      path.append('/');
      if (segment.startsWith("{")) {
        path.append(URLEncoder.encode(idFor(operation, segment.substring(1, segment.length() - 1), actor, target),
            StandardCharsets.UTF_8));
      } else {
        path.append(segment);
      }
    }
    // the History tab names its task, Welcome the user whose groups it lists; other operations ignore them
    String query = "?taskId=" + target.taskId() + "&member=" + target.userId();
    // The regulator reads every case (Cockpit); its queries name the case and take a page, as Cockpit's do,
    // instead of listing and counting all the history the suite has left (minutes on MySQL, proving nothing more).
    // An outside role's queries stay unnarrowed: whatever they return is checked for another party's data.
    return actor.role().outside() ? path + query
        : path + query + "&processInstanceId=" + target.processInstanceId() + "&firstResult=0&maxResults=20";
  }

  private String idFor(Operation operation, String parameter, Actor actor, Target target) {
    String template = operation.template();
    return switch (parameter) {
      case "key" -> template.startsWith("/decision") ? "risk-level" : "risk-case";
      case "varName" -> "samplerOptions";
      case "resourceId" -> target.ids().get("resource");
      case "commentId" -> target.ids().get("comment");
      case "attachmentId" -> target.ids().get("attachment");
      case "operationId" -> target.ids().get("operation");
      case "userId" -> target.userId();
      case "groupId" -> target.groupId();
      case "metrics-name" -> "activity-instance-start";
      case "id" -> idOf(template, target);
      default -> "none";
    };
  }

  private static String idOf(String template, Target target) {
    Map<String, String> ids = target.ids();
    String family = template.substring(1, template.indexOf('/', 1) < 0 ? template.length() : template.indexOf('/', 1));
    if ("history".equals(family)) {
      String rest = template.substring("/history/".length());
      family = "history/" + rest.substring(0, rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
    }
    return switch (family) {
      case "task" -> target.taskId();
      case "process-instance", "execution", "history/process-instance" -> target.processInstanceId();
      case "process-definition", "history/process-definition" -> ids.get("process-definition");
      case "deployment" -> ids.get("deployment");
      case "decision-definition" -> ids.get("decision-definition");
      case "history/activity-instance" -> ids.get("activity-instance");
      case "history/variable-instance" -> ids.get("historic-variable");
      case "variable-instance" -> ids.get("variable");
      case "history/detail" -> ids.get("detail");
      case "job" -> ids.get("job");
      case "job-definition" -> ids.get("job-definition");
      case "authorization" -> ids.get("authorization");
      case "filter" -> ids.get("filter");
      case "user" -> target.userId();
      case "group" -> target.groupId();
      default -> "none";
    };
  }

  /** A body that changes nothing if accepted: the caller's own profile as it is, a password the policy refuses. */
  private String body(Operation operation, Actor actor) throws Exception {
    if (operation.template().equals("/user/{id}/profile")) {
      User user = engine.getIdentityService().createUserQuery().userId(actor.userId()).singleResult();
      return JSON.writeValueAsString(Map.of("id", user.getId(), "firstName", user.getFirstName(),
          "lastName", user.getLastName(), "email", user.getEmail() == null ? "" : user.getEmail()));
    }
    if (operation.template().equals("/user/{id}/credentials")) {
      return JSON.writeValueAsString(Map.of("password", "demo", "authenticatedUserPassword", DemoPeople.PASSWORD));
    }
    return "{}";
  }

  // ---- the two ways in ----

  /** One user, by HTTP Basic on /engine-rest and logged in to the webapps for their engine API. */
  private final class Session {

    private final String userId;
    private final HttpClient client;
    /** no cookies: a Basic call carries no session, as an API client's would not */
    private final HttpClient basic = HttpClient.newHttpClient();
    private String csrfToken;

    Session(String userId) throws Exception {
      this.userId = userId;
      this.client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
      HttpResponse<String> first = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET());
      csrfToken = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
      String form = "username=" + userId + "&password=" + DemoPeople.PASSWORD;
      HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken)
          .POST(HttpRequest.BodyPublishers.ofString(form)));
      assertThat(login.statusCode()).as("login of " + userId + ": " + login.body()).isEqualTo(200);
      // a new session after the login, with a token of its own, given with the login's answer
      // (SessionCsrfToken; the webapps read it from the XSRF-TOKEN cookie)
      csrfToken = login.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    }

    HttpResponse<String> call(String method, String path, String body, boolean webapp) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri((webapp ? "/camunda/api/engine/engine/default" : "/engine-rest")
          + path)).method(method, "GET".equals(method) || "OPTIONS".equals(method) ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
          .header("Accept", "application/json");
      if (webapp) {
        request.header("X-XSRF-TOKEN", csrfToken);
      } else {
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((userId + ":" + DemoPeople.PASSWORD)
            .getBytes(StandardCharsets.UTF_8)));
      }
      return webapp ? send(request) : basic.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }

  private static String abbreviated(String body) {
    return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  private static void print(Map<String, Map<String, String>> table, int calls) {
    List<String> columns = table.values().iterator().next().keySet().stream().toList();
    StringBuilder out = new StringBuilder("\nEngine REST API, role × operation (· = refused by the allow-list, "
        + "else the engine's HTTP status; each also called on the webapps' path)\n");
    out.append(String.format("%-80s", "operation"));
    columns.forEach(c -> out.append(String.format("%-9s", c)));
    out.append('\n');
    table.forEach((operation, row) -> {
      out.append(String.format("%-80s", operation));
      row.values().forEach(v -> out.append(String.format("%-9s", v)));
      out.append('\n');
    });
    Map<String, Long> open = table.values().stream().flatMap(row -> row.entrySet().stream())
        .filter(cell -> !"·".equals(cell.getValue()))
        .collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new, Collectors.counting()));
    out.append(table.size()).append(" operations, ").append(calls).append(" calls; reached the engine: ").append(open)
        .append('\n');
    System.out.println(out);
  }
}
