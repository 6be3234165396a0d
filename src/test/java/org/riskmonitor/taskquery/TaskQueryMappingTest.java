package org.riskmonitor.taskquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.tasklist.TaskCardColumns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Every Tasklist filter of every role is answered by our mapping, and answers what the engine's
 * own statement answers, on a few cases in the shared database (TasklistVisibilityIT compares
 * them at 10,000 tasks on MySQL).
 */
class TaskQueryMappingTest extends RiskMonitorTest {

  private static final List<String> USERS = List.of("enterprise1", "enterprise2", "lab1", "lab2", "sampler", "expert1",
      "coordinator", "manager");

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TaskQueryMapping mapping;

  @Autowired
  private ReadOnlyRequestAuthorizationReads readOnlyRequest;

  @Autowired
  private AuthorizationReadsAcrossRequests acrossRequests;

  @BeforeEach
  void casesWaitingForEnterprisesLabsAndTheRegulator() {
    for (String step : List.of("Task_ConfirmSamplingSlip", "Task_ReceiveSample", "Task_AssignSampling")) {
      for (int enterprise = 0; enterprise < 2; enterprise++) {
        String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(enterprise).get(0), enterprise == 0 ? "E_BIKE" : "WIRE_CABLE",
            "产品").getBusinessKey();
        walker.advanceTo(caseNumber, step, Route.remediated());
      }
    }
  }

  @AfterEach
  void mappingBackOn() {
    mapping.setEnabled(true);
  }

  /**
   * Also within one request, and with a group lacking its grant: a check of its own would open six
   * more cases in the shared database, and the browser tests' Tasklist lists, fifteen to a page by
   * due date, would push their cards off the first page (a separate test of the missing grant did).
   */
  @Test
  void everyFilterOfEveryRole_isAnsweredByOurMapping_withTheEnginesAnswer_aloneAndWithinOneRequest() throws Exception {
    for (String user : USERS) {
      filtersAnsweredByOurMappingAsByTheEngine(user);
      cardColumnsAsTheEngineAnswersThem(user);
    }
    everyFilterListsAndCountsWithinOneRequestAsAlone();
    aTaskOfferedToAGroupThatLacksItsGrant_isShownOnlyByAnotherGrantOfTheUsers();
  }

  /**
   * A task offered to the user's group is shown by the group's READ grant on it (kept beside the
   * offer, so our statements look no grant up when every task has it); where the group lacks that
   * grant, the task is shown only by another grant of the user's, as the engine shows it.
   */
  private void aTaskOfferedToAGroupThatLacksItsGrant_isShownOnlyByAnotherGrantOfTheUsers() {
    Task own = enterprise1sFirstTask();
    List<Authorization> groupGrants = engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(Resources.TASK).resourceId(own.getId())
        .groupIdIn(engine.getIdentityService().createGroupQuery().groupMember("enterprise1").list().stream()
            .map(g -> g.getId()).toArray(String[]::new)).list();
    assertThat(groupGrants).as("the enterprise's grants on its task").isNotEmpty();
    groupGrants.forEach(grant -> {
      grant.removePermission(Permissions.READ);
      engine.getAuthorizationService().saveAuthorization(grant);
    });
    Authorization userGrant = null;
    try {
      assertThat(visibleToEnterprise1()).as("without its group's grant").doesNotContain(own.getId());
      filtersAnsweredByOurMappingAsByTheEngine("enterprise1");

      userGrant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      userGrant.setUserId("enterprise1");
      userGrant.setResource(Resources.TASK);
      userGrant.setResourceId(own.getId());
      userGrant.addPermission(Permissions.READ);
      userGrant = engine.getAuthorizationService().saveAuthorization(userGrant);
      assertThat(visibleToEnterprise1()).as("by a grant to the user").contains(own.getId());
      filtersAnsweredByOurMappingAsByTheEngine("enterprise1");
    } finally {
      if (userGrant != null) {
        engine.getAuthorizationService().deleteAuthorization(userGrant.getId());
      }
      groupGrants.forEach(grant -> {
        grant.addPermission(Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(grant);
      });
    }
    assertThat(visibleToEnterprise1()).as("with its group's grant back").contains(own.getId());
  }

  /**
   * Every filter of the user, listed (a page of 15 and all), and counted by our mapping (three of
   * its queries), as the engine's statement lists and counts it.
   */
  private void filtersAnsweredByOurMappingAsByTheEngine(String user) {
    List<Filter> filters = walker.as(user, () -> engine.getFilterService().createFilterQuery().list());
    assertThat(filters).as("%s's filters", user).isNotEmpty();
    for (Filter filter : filters) {
      long before = mapping.ownQueries();
      List<Task> ourPage = page(user, filter, 0, 15);
      List<Task> ours = page(user, filter, 0, Integer.MAX_VALUE);
      long ourCount = walker.as(user, () -> engine.getFilterService().count(filter.getId(), tasklist()));
      assertThat(mapping.ownQueries() - before).as("%s's %s by our mapping", user, filter.getName()).isEqualTo(3);

      mapping.setEnabled(false);
      List<Task> enginesPage = page(user, filter, 0, 15);
      List<Task> engines = page(user, filter, 0, Integer.MAX_VALUE);
      long engineCount = walker.as(user, () -> engine.getFilterService().count(filter.getId(), tasklist()));
      mapping.setEnabled(true);

      assertThat(ourCount).as("%s's %s count", user, filter.getName()).isEqualTo(engineCount);
      assertThat(ids(ours)).as("%s's %s tasks", user, filter.getName()).containsExactlyInAnyOrderElementsOf(ids(engines));
      // tasks created together tie in the filter's order, which the engine leaves open: the
      // pages hold tasks of the same due dates and creation times, in the same order
      assertThat(sortKeys(ourPage)).as("%s's %s page", user, filter.getName()).isEqualTo(sortKeys(enginesPage));
    }
  }

  /**
   * The case columns of a page's cards, asked for as Tasklist asks (by name, for the tasks', their
   * executions' and process instances' scopes): of the user's own tasks, and of forty tasks of
   * anyone, other companies' included. The same variables as the engine's statement; for everyone
   * but the regulator's staff (whose grants let them read every variable) answered by our shortcut.
   */
  private void cardColumnsAsTheEngineAnswersThem(String user) {
    List<Task> own = walker.as(user, () -> engine.getTaskService().createTaskQuery().listPage(0, 15));
    List<Task> anyone = engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().listPage(0, 40);
    boolean answeredByOurs = false;
    for (List<Task> tasks : List.of(own, anyone)) {
      String[] scopes = tasks.stream().flatMap(task -> java.util.stream.Stream.of(task.getId(), task.getExecutionId(),
          task.getProcessInstanceId())).distinct().toArray(String[]::new);
      long before = mapping.ownQueries();
      List<String> ours = cardColumns(user, scopes);
      answeredByOurs |= mapping.ownQueries() > before;
      mapping.setEnabled(false);
      List<String> engines = cardColumns(user, scopes);
      mapping.setEnabled(true);
      assertThat(ours).as("%s's card columns of %d tasks", user, tasks.size()).containsExactlyInAnyOrderElementsOf(engines);
    }
    assertThat(answeredByOurs).as("%s's card columns by our shortcut", user)
        .isEqualTo(!List.of("coordinator", "manager").contains(user));
  }

  private List<String> cardColumns(String user, String[] scopes) {
    return walker.as(user, () -> engine.getRuntimeService().createVariableInstanceQuery().variableScopeIdIn(scopes)
        .variableNameIn(TaskCardColumns.COLUMNS.toArray(String[]::new)).disableBinaryFetching()
        .disableCustomObjectDeserialization().list()).stream().map(variable -> variable.getId() + "=" + variable.getValue())
        .toList();
  }

  @Test
  void aRevokeAgainstTheUser_sendsItsQueriesToTheEngine_whichHonoursIt() {
    Task own = walker.as("enterprise1", () -> engine.getTaskService().createTaskQuery().taskCandidateGroupIn(
        engine.getIdentityService().createGroupQuery().groupMember("enterprise1").list().stream().map(g -> g.getId()).toList())
        .list()).get(0);
    Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("enterprise1");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(own.getId());
    revoke.removePermission(Permissions.READ);
    revoke.removePermission(TaskPermissions.READ_VARIABLE);
    engine.getAuthorizationService().saveAuthorization(revoke);
    String[] ownScopes = {own.getId(), own.getExecutionId(), own.getProcessInstanceId()};
    try {
      long before = mapping.ownQueries();
      List<String> seen = walker.as("enterprise1", () -> engine.getTaskService().createTaskQuery().list())
          .stream().map(Task::getId).toList();
      assertThat(seen).doesNotContain(own.getId());
      assertThat(cardColumns("enterprise1", ownScopes)).as("the task's card columns").isEmpty();
      assertThat(mapping.ownQueries()).as("the engine's statement answered").isEqualTo(before);
    } finally {
      engine.getAuthorizationService().deleteAuthorization(revoke.getId());
    }
    assertThat(walker.as("enterprise1", () -> engine.getTaskService().createTaskQuery().list()))
        .extracting(Task::getId).contains(own.getId());
    assertThat(cardColumns("enterprise1", ownScopes)).as("the task's card columns once the revoke is gone").isNotEmpty();
  }

  @Test
  void aRevokeSavedWithinARequest_isHonouredByTheRequestsNextCommand() {
    Task own = enterprise1sFirstTask();
    try (AuthorizationReads.RequestReads request = AuthorizationReads.openForRequest(acrossRequests)) {
      long before = mapping.ownQueries();
      assertThat(visibleToEnterprise1()).as("read before the revoke").contains(own.getId());
      assertThat(mapping.ownQueries()).as("answered by our mapping, on the grants it read").isGreaterThan(before);
      Authorization revoke = revokeReadOf(own);
      try {
        assertThat(visibleToEnterprise1()).as("read after the revoke, same request").doesNotContain(own.getId());
      } finally {
        engine.getAuthorizationService().deleteAuthorization(revoke.getId());
      }
      assertThat(visibleToEnterprise1()).as("read after the revoke is gone, same request").contains(own.getId());
    }
  }

  @Test
  void aRevokeByAnAdministrator_takesEffectAtTheNextRequest() throws Exception {
    Task own = enterprise1sFirstTask();
    assertThat(inReadOnlyRequest(this::visibleToEnterprise1)).contains(own.getId());
    Authorization revoke = revokeReadOf(own);
    try {
      assertThat(inReadOnlyRequest(this::visibleToEnterprise1)).doesNotContain(own.getId());
    } finally {
      engine.getAuthorizationService().deleteAuthorization(revoke.getId());
    }
  }

  @Test
  void onlyRequestsThatChangeNothing_shareTheirAuthorizationReads() {
    assertThat(ReadOnlyRequestAuthorizationReads.readOnly(request("GET", "/engine-rest/filter"))).isTrue();
    assertThat(ReadOnlyRequestAuthorizationReads.readOnly(request("POST", "/camunda/api/engine/engine/default/filter/f1/list")))
        .isTrue();
    assertThat(ReadOnlyRequestAuthorizationReads.readOnly(request("POST", "/engine-rest/task/count"))).isTrue();
    assertThat(ReadOnlyRequestAuthorizationReads.readOnly(request("POST", "/engine-rest/task/t1/complete"))).isFalse();
    assertThat(ReadOnlyRequestAuthorizationReads.readOnly(request("POST", "/engine-rest/authorization/create"))).isFalse();
    assertThat(ReadOnlyRequestAuthorizationReads.readOnly(request("PUT", "/engine-rest/authorization/a1"))).isFalse();
    assertThat(ReadOnlyRequestAuthorizationReads.readOnly(request("DELETE", "/engine-rest/authorization/a1"))).isFalse();
  }

  /**
   * A Tasklist page lists and counts in one request, whose commands share what they read: nothing
   * one of them leaves behind may change what the next answers (sharing the filter's entity did:
   * the engine's extended query keeps the stored query's OR parts and changes them as it runs, and
   * the count after the list counted every task).
   */
  private void everyFilterListsAndCountsWithinOneRequestAsAlone() throws Exception {
    for (boolean authorization : List.of(true, false)) {
      engine.getProcessEngineConfiguration().setAuthorizationEnabled(authorization);
      try {
        for (String user : USERS) {
          for (Filter filter : walker.as(user, () -> engine.getFilterService().createFilterQuery().list())) {
            List<String> alone = ids(page(user, filter, 0, Integer.MAX_VALUE));
            long countedAlone = walker.as(user, () -> engine.getFilterService().count(filter.getId(), tasklist()));
            List<Object> inOneRequest = inReadOnlyRequest(() -> List.of(ids(page(user, filter, 0, Integer.MAX_VALUE)),
                walker.as(user, () -> engine.getFilterService().count(filter.getId(), tasklist()))));
            String page = user + "'s " + filter.getName() + ", authorization " + (authorization ? "on" : "off");
            assertThat(inOneRequest.get(0)).as("%s listed", page).isEqualTo(alone);
            assertThat(inOneRequest.get(1)).as("%s counted", page).isEqualTo(countedAlone);
          }
        }
      } finally {
        engine.getProcessEngineConfiguration().setAuthorizationEnabled(true);
      }
    }
  }

  private <T> T inReadOnlyRequest(Supplier<T> work) throws Exception {
    List<T> answers = new ArrayList<>();
    readOnlyRequest.doFilter(request("POST", "/engine-rest/task/count"),
        new MockHttpServletResponse(), (request, response) -> answers.add(work.get()));
    return answers.get(0);
  }

  private static MockHttpServletRequest request(String method, String path) {
    return new MockHttpServletRequest(method, path);
  }

  private Task enterprise1sFirstTask() {
    return walker.as("enterprise1", () -> engine.getTaskService().createTaskQuery().taskCandidateGroupIn(
        engine.getIdentityService().createGroupQuery().groupMember("enterprise1").list().stream().map(g -> g.getId()).toList())
        .list()).get(0);
  }

  private List<String> visibleToEnterprise1() {
    return walker.as("enterprise1", () -> engine.getTaskService().createTaskQuery().list()).stream().map(Task::getId)
        .toList();
  }

  private Authorization revokeReadOf(Task task) {
    Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("enterprise1");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(task.getId());
    revoke.removePermission(Permissions.READ);
    return engine.getAuthorizationService().saveAuthorization(revoke);
  }

  private List<Task> page(String user, Filter filter, int first, int max) {
    Supplier<List<Task>> list = () -> engine.getFilterService().listPage(filter.getId(), tasklist(), first, max);
    return walker.as(user, list);
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  private static List<List<Long>> sortKeys(List<Task> tasks) {
    return tasks.stream().map(task -> List.of(task.getDueDate() == null ? -1L : task.getDueDate().getTime(),
        task.getCreateTime().getTime())).toList();
  }

  /** What Tasklist adds to every filter it opens: active tasks, newest first. */
  private TaskQuery tasklist() {
    return engine.getTaskService().createTaskQuery().active().orderByTaskCreateTime().desc();
  }
}
