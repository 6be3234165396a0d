package org.riskmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.riskmonitor.MysqlTestServer;
import org.riskmonitor.RiskMonitorApplication;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.security.Roles;
import org.riskmonitor.tasklist.TaskCardColumns;
import org.riskmonitor.taskquery.TaskQueryMapping;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18, item 3: our own mapping of Tasklist's task queries ({@link TaskQueryMapping}) shows exactly
 * the tasks the engine's stock statements show. 10,000 open tasks of 500 enterprises ({@link TaskMountain}),
 * made uneven (claimed by a colleague, offered to single users, without due date, suspended); then, with the
 * mapping on and off: every filter of every kind of user as Tasklist asks for it, queries an outside
 * company crafts against the engine REST API, and an administrator's deny authorizations.
 *
 * <p>A Failsafe test of {@code mvn verify -Pmysql} with an application of its own in this JVM, on a
 * database of its own beside the suite's: the mountain must not reach the tests that count tasks, and the
 * engine, its REST API and the switch are in reach. The mountain's copy is MySQL SQL, so there is no H2 run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskVisibilityIT {

  private static final int ENTERPRISES = 500;
  private static final String E_BIKES = DemoPeople.ENTERPRISES.get(0).get(0);
  private static final String ADMIN_PASSWORD = "Risk-Monitor-Test-2026!";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
      .withZone(ZoneOffset.UTC);
  /** The 20 open tasks of every enterprise's cases, as in the Tasklist benchmark: 8 wait for the enterprise. */
  private static final List<String> SLOTS = TaskMountain.SLOTS;
  private static final int ENTERPRISE_SLOT = SLOTS.indexOf("Task_ConfirmSamplingSlip");
  private static final int REGULATOR_SLOT = SLOTS.indexOf("Task_AssignSampling");
  private static final int LAB_SLOT = SLOTS.indexOf("Task_ReceiveSample");

  /** The enterprise whose tasks a colleague has partly claimed. */
  private static final int CLAIMED = 7;
  /** The enterprise that is also offered a regulator's task as a single candidate user. */
  private static final int CANDIDATE = 11;
  /** The enterprise some of whose tasks have no due date. */
  private static final int UNDATED = 3;
  /** The enterprise one of whose cases is suspended. */
  private static final int SUSPENDED = 13;
  /** The enterprise whose group an administrator denies one task. */
  private static final int DENIED = 5;
  private static final String COLLEAGUE = TaskMountain.userOf(CLAIMED) + "b";
  /** A colleague of the template enterprise's user: he claims one of its walked tasks. */
  private static final String ENTERPRISE1_COLLEAGUE = "enterprise1b";
  private static final List<String> USERS = List.of(TaskMountain.userOf(0), TaskMountain.userOf(CLAIMED), COLLEAGUE,
      TaskMountain.userOf(CANDIDATE), TaskMountain.userOf(UNDATED), TaskMountain.userOf(SUSPENDED),
      TaskMountain.userOf(ENTERPRISES - 1), "enterprise1", ENTERPRISE1_COLLEAGUE, "lab1", "lab1b", "sampler", "expert1",
      CaseWalker.COORDINATOR, "manager", "admin");

  private final long started = System.nanoTime();
  private ConfigurableApplicationContext context;
  private ProcessEngine engine;
  private TaskQueryMapping mapping;
  private JdbcTemplate jdbc;
  private int port;
  private long openTasks;
  private long ownQueriesBefore;
  private long ownQueriesDuringFilters;
  private Map<String, String> templates;

  @BeforeAll
  void startOnADatabaseOfItsOwn_andBuildTheMountain() {
    MysqlTestServer server = MysqlTestServer.get();
    String url = server.recreate(server.suiteDatabase() + "_visibility");
    context = new SpringApplicationBuilder(RiskMonitorApplication.class).run("--server.port=0",
        "--spring.datasource.url=" + url, "--spring.datasource.username=" + server.user(),
        "--spring.datasource.password=" + server.password(), "--spring.profiles.active=mysql,test",
        "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD);
    engine = context.getBean(ProcessEngine.class);
    mapping = context.getBean(TaskQueryMapping.class);
    jdbc = context.getBean(JdbcTemplate.class);
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    double startup = seconds();
    context.getBean(DemoPeople.class).seed();
    templates = TaskMountain.templates(context.getBean(CaseWalker.class));
    double walked = seconds();
    new TaskMountain(jdbc, EnterpriseRegistry.groupIdFor(E_BIKES), "enterprise1")
        .build(ENTERPRISES, SLOTS.stream().map(templates::get).toList());
    makeUneven(templates);
    offersMatchTheEnginesTables("after the template cases were walked and the mountain built");
    openTasks = engine.getTaskService().createTaskQuery().count();
    ownQueriesBefore = mapping.ownQueries();
    assertThat(openTasks).as("open tasks").isGreaterThanOrEqualTo((long) ENTERPRISES * SLOTS.size());
    System.out.printf("%nTaskVisibilityIT: %,d open tasks ready after %.0f s (application %.0f s, template cases %.0f s)%n",
        openTasks, seconds(), startup, walked - startup);
  }

  @AfterAll
  void stop() {
    if (context != null) {
      mapping.setEnabled(true);
      context.close();
    }
    System.out.printf("TaskVisibilityIT: %.0f s in all%n", seconds());
  }

  /** Every filter each kind of user sees, as Tasklist pages it: count, whole list, and pages of 15. */
  @Test
  @Order(1)
  void everyFilterOfEveryUser_listsTheSameTasksInTheSameOrder_withTheMappingOnAndOff() {
    long start = System.nanoTime();
    int views = 0;
    for (String user : USERS) {
      for (Filter filter : as(user, () -> engine.getFilterService().createFilterQuery().list())) {
        long before = mapping.ownQueries();
        FilterAnswer on = filterAnswer(user, filter.getId(), true);
        ownQueriesDuringFilters += mapping.ownQueries() - before;
        FilterAnswer off = filterAnswer(user, filter.getId(), false);
        String view = user + " / " + filter.getName();
        assertThat(off.all()).as("%s: whole list against its count (stock engine)", view).hasSize((int) off.count());
        assertThat(createTimes(off.all())).as("%s: creation times tell every task apart, so the order is total", view)
            .doesNotHaveDuplicates();
        assertThat(on.count()).as("%s: count", view).isEqualTo(off.count());
        assertThat(on.all()).as("%s: whole list, in order", view).containsExactlyElementsOf(off.all());
        assertThat(on.pages()).as("%s: pages from 0, 15 and 30", view).isEqualTo(off.pages());
        List<String> page = off.pages().get(0);
        assertThat(cardColumns(user, page, true)).as("%s: the first page's card columns", view)
            .containsExactlyInAnyOrderElementsOf(cardColumns(user, page, false));
        views++;
      }
      // forty tasks of anyone, other companies' too, as a crafted variable query would name them
      List<String> anyone = ids(engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().listPage(0, 40));
      assertThat(cardColumns(user, anyone, true)).as("%s: card columns of forty tasks of anyone", user)
          .containsExactlyInAnyOrderElementsOf(cardColumns(user, anyone, false));
    }
    assertThat(views).as("filters seen by %d users", USERS.size()).isGreaterThanOrEqualTo(USERS.size() * 4);
    assertThat(filterAnswer(TaskMountain.userOf(0), mine(), true).count()).as("an untouched enterprise's own open tasks").isEqualTo(8);
    assertThat(filterAnswer(CaseWalker.COORDINATOR, allOpen(), true).count()).as("all open cases, the mountain's but one suspended")
        .isGreaterThanOrEqualTo(ENTERPRISES * SLOTS.size() - 1L);
    System.out.printf("TaskVisibilityIT: %d filter views compared in %.0f s%n", views, (System.nanoTime() - start) / 1e9);
  }

  /** Queries an outside company writes itself against the engine REST API and its filters. */
  @Test
  @Order(2)
  void craftedRestQueriesOfAnOutsideCompany_answerTheSame_andNeverShowAnotherCompanysTask() throws Exception {
    long start = System.nanoTime();
    String user = TaskMountain.userOf(CLAIMED);
    Set<String> own = mountainTasksOf(CLAIMED);
    Rest rest = new Rest(user);
    List<Map<String, Object>> queries = hostileQueries();
    List<String> mineAndOrganisation = List.of(mine(), filterId("本单位待办"));
    int calls = 0;
    int answered = 0;
    Set<String> seen = new TreeSet<>();
    for (Map<String, Object> query : queries) {
      // each crafted query on the task list, paged, and counted; the filters' lists and counts extended by it;
      // a sort, which changes no count, only on the lists, paged
      boolean sorted = query.containsKey("sortBy");
      List<Call> requests = new ArrayList<>();
      if (query.values().stream().noneMatch(value -> value instanceof List<?> list && list.stream().anyMatch(Map.class::isInstance))) {
        requests.add(new Call("GET", "/task?" + parameters(query), null, false));
        if (!sorted) {
          requests.add(new Call("GET", "/task/count?" + parameters(query), null, false));
        }
      }
      Map<String, Object> totalOrder = withIdAsLastSortKey(query);
      requests.add(new Call("POST", "/task?firstResult=" + (sorted ? "5&maxResults=5" : "0&maxResults=15"), totalOrder, true));
      if (!sorted) {
        requests.add(new Call("POST", "/task/count", query, false));
        for (String filter : mineAndOrganisation) {
          requests.add(new Call("POST", "/filter/" + filter + "/list", totalOrder, true));
          requests.add(new Call("POST", "/filter/" + filter + "/count", query, false));
        }
      }
      for (Call call : requests) {
        Reply on = restOnAndOff(rest, call);
        assertThat(on.ids()).as("only %s's own tasks: %s %s", user, call.method(), call.path()).isSubsetOf(own);
        seen.addAll(on.ids());
        answered += on.status() == 200 ? 1 : 0;
        calls++;
      }
    }
    assertThat(answered).as("calls answered 200 (the others refused alike with the mapping on and off)")
        .isGreaterThan(calls * 9 / 10);
    assertThat(seen).as("the crafted queries reach the company's own tasks, the colleague's claimed ones too")
        .containsAll(claimedByColleague());
    System.out.printf("TaskVisibilityIT: %d REST calls, each with the mapping on and off, in %.0f s%n", calls * 2,
        (System.nanoTime() - start) / 1e9);
  }

  /** An administrator denies a group one task and a user a process's tasks: both hold with the mapping on and off. */
  @Test
  @Order(3)
  void anAdministratorsDenials_takeEffect_withTheMappingOnAndOff() throws Exception {
    String user = TaskMountain.userOf(DENIED);
    String task = String.format("bt-%07d", DENIED * SLOTS.size() + ENTERPRISE_SLOT);
    Rest rest = new Rest(user);
    Map<String, Set<String>> before = visible(user, rest);
    before.forEach((where, ids) -> {
      if (where.startsWith(MINE_NAME) || where.endsWith(" /task")) {
        assertThat(ids).as("before the denial, %s", where).contains(task);
      }
    });
    AuthorizationService authorizations = engine.getAuthorizationService();
    // the enterprise's group denied the task: the same group's grant on it (it is offered to the group) outweighs
    // the denial in the engine's precedence, so the stock engine still shows it; so must the mapping
    String groupDenial = denyTaskRead(null, TaskMountain.groupOf(DENIED), task);
    try {
      assertThat(visible(user, rest)).as("with the group denied, as the stock engine answers").isEqualTo(before);
    } finally {
      authorizations.deleteAuthorization(groupDenial);
    }
    // the user denied the task: a user's denial outweighs every group's grant
    String userDenial = denyTaskRead(user, null, task);
    try {
      Map<String, Set<String>> denied = visible(user, rest);
      denied.forEach((where, ids) -> assertThat(ids).as("after the denial, %s", where).doesNotContain(task)
          .isEqualTo(without(before.get(where), task)));
    } finally {
      authorizations.deleteAuthorization(userDenial);
    }
    assertThat(visible(user, rest)).as("the task is back once the denial is removed").isEqualTo(before);

    // the coordinator reads every case's tasks through his group's grants on the process definition and on
    // every task; denied both for himself, he keeps only the tasks granted to him alone (the one he claimed)
    long allOpenBefore = filterAnswer(CaseWalker.COORDINATOR, allOpen(), true).count();
    Authorization denyProcess = authorizations.createNewAuthorization(AUTH_TYPE_REVOKE);
    denyProcess.setUserId(CaseWalker.COORDINATOR);
    denyProcess.setResource(Resources.PROCESS_DEFINITION);
    denyProcess.setResourceId("risk-case");
    denyProcess.removePermission(ProcessDefinitionPermissions.READ_TASK);
    String denyProcessId = authorizations.saveAuthorization(denyProcess).getId();
    String denyEveryTaskId = denyTaskRead(CaseWalker.COORDINATOR, null, Authorization.ANY);
    try {
      FilterAnswer on = filterAnswer(CaseWalker.COORDINATOR, allOpen(), true);
      FilterAnswer off = filterAnswer(CaseWalker.COORDINATOR, allOpen(), false);
      assertThat(on).as("all open cases without READ_TASK on risk-case").isEqualTo(off);
      assertThat(on.count()).as("all open cases without READ_TASK on risk-case").isLessThan(allOpenBefore / 2);
      assertThat(on.all()).as("what stays: the task he claimed, not the labs' tasks")
          .contains(mountainTask(30, REGULATOR_SLOT)).doesNotContain(mountainTask(0, LAB_SLOT));
    } finally {
      authorizations.deleteAuthorization(denyProcessId);
      authorizations.deleteAuthorization(denyEveryTaskId);
    }
    assertThat(filterAnswer(CaseWalker.COORDINATOR, allOpen(), true).count()).isEqualTo(allOpenBefore);
    offersMatchTheEnginesTables("after the denials came and went");
  }

  private String denyTaskRead(String user, String group, String task) {
    Authorization deny = engine.getAuthorizationService().createNewAuthorization(AUTH_TYPE_REVOKE);
    deny.setUserId(user);
    deny.setGroupId(group);
    deny.setResource(Resources.TASK);
    deny.setResourceId(task);
    deny.removePermission(Permissions.READ);
    return engine.getAuthorizationService().saveAuthorization(deny).getId();
  }

  /**
   * The comparisons above hold trivially while every query goes to the stock statements: this one fails
   * until Tasklist's filter queries are answered by our mapping.
   */
  @Test
  @Order(4)
  void tasklistsFilterQueries_wereAnsweredByOurMapping() {
    assertThat(ownQueriesDuringFilters).as("list and count queries our mapping answered for the filters (of %d in all)",
        mapping.ownQueries() - ownQueriesBefore).isGreaterThan(0);
  }

  /**
   * The offers (RM_TASK_OFFER, kept by triggers) follow every kind of write the engine makes to a task,
   * its candidate links and its grants, and the filters answer as the stock engine does after each.
   */
  @Test
  @Order(5)
  void theOffersFollowTheEnginesWrites_andTheFiltersStillAnswerAsTheEngine() {
    TaskService tasks = engine.getTaskService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    String task = templates.get("Task_SubmitRemediationPlan");
    String group = EnterpriseRegistry.groupIdFor(E_BIKES);
    Map<String, Runnable> writes = new LinkedHashMap<>();
    writes.put("claimed", () -> tasks.claim(task, "enterprise1"));
    writes.put("given back", () -> tasks.setAssignee(task, null));
    writes.put("offered to a second group, twice", () -> {
      tasks.addCandidateGroup(task, "entSecond");
      tasks.addCandidateGroup(task, "entSecond");
    });
    writes.put("the second group's offer withdrawn", () -> tasks.deleteCandidateGroup(task, "entSecond"));
    writes.put("due a day later", () -> {
      Task reread = tasks.createTaskQuery().taskId(task).singleResult();
      Date due = reread.getDueDate() == null ? new Date() : reread.getDueDate();
      reread.setDueDate(new Date(due.getTime() + 86_400_000L));
      tasks.saveTask(reread);
    });
    writes.put("the enterprise group's grant on it deleted", () -> authorizations.createAuthorizationQuery()
        .resourceType(Resources.TASK).resourceId(task).groupIdIn(group).list()
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId())));
    writes.put("offered to enterprise1 alone", () -> tasks.addCandidateUser(task, "enterprise1"));
    writes.put("suspended with its case", () -> engine.getRuntimeService().suspendProcessInstanceById(
        tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId()));
    for (Map.Entry<String, Runnable> write : writes.entrySet()) {
      write.getValue().run();
      offersMatchTheEnginesTables("once the task was " + write.getKey());
      for (String filter : List.of(mine(), filterId("本单位待办"))) {
        assertThat(filterAnswer("enterprise1", filter, true)).as("enterprise1's filter once the task was %s", write.getKey())
            .isEqualTo(filterAnswer("enterprise1", filter, false));
      }
    }
  }

  /**
   * RM_TASK_OFFER holds exactly what its definition derives from the engine's tables (db/engine-indexes-mysql,
   * V4): the assignee, each candidate user and group with its number of links, the task's columns, and whether
   * that user or group holds a READ grant on the task.
   */
  private void offersMatchTheEnginesTables(String when) {
    String columns = "IFNULL(T.SUSPENSION_STATE_, '-'), IFNULL(T.DUE_DATE_, '-'), IFNULL(T.CREATE_TIME_, '-'), "
        + "IFNULL(T.PROC_DEF_ID_, '-'), IFNULL(T.TENANT_ID_, '-')";
    String readGrant = "EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = T.ID_ AND A.RESOURCE_TYPE_ = 7 "
        + "AND A.TYPE_ = 1 AND (A.PERMS_ & 2) = 2 AND A.%s)";
    String linked = " FROM ACT_RU_IDENTITYLINK I JOIN ACT_RU_TASK T ON T.ID_ = I.TASK_ID_ WHERE I.TYPE_ = 'candidate' "
        + "AND I.%1$s IS NOT NULL GROUP BY T.ID_, I.%1$s";
    Set<String> derived = new TreeSet<>(jdbc.queryForList(
        "SELECT CONCAT_WS('|', T.ID_, 'A', T.ASSIGNEE_, 0, 1, " + columns + ", " + readGrant.formatted("USER_ID_ = T.ASSIGNEE_")
            + ") FROM ACT_RU_TASK T WHERE T.ASSIGNEE_ IS NOT NULL"
            + " UNION ALL SELECT CONCAT_WS('|', T.ID_, 'G', I.GROUP_ID_, COUNT(*), T.ASSIGNEE_ IS NOT NULL, " + columns + ", "
            + readGrant.formatted("GROUP_ID_ = I.GROUP_ID_") + ")" + linked.formatted("GROUP_ID_")
            + " UNION ALL SELECT CONCAT_WS('|', T.ID_, 'U', I.USER_ID_, COUNT(*), T.ASSIGNEE_ IS NOT NULL, " + columns + ", "
            + readGrant.formatted("USER_ID_ = I.USER_ID_") + ")" + linked.formatted("USER_ID_"), String.class));
    Set<String> kept = new TreeSet<>(jdbc.queryForList("SELECT CONCAT_WS('|', TASK_ID_, KIND_, GRANTEE_, LINKS_, ASSIGNED_, "
        + "IFNULL(SUSPENSION_STATE_, '-'), IFNULL(DUE_DATE_, '-'), IFNULL(CREATE_TIME_, '-'), IFNULL(PROC_DEF_ID_, '-'), "
        + "IFNULL(TENANT_ID_, '-'), SELF_READ_) FROM RM_TASK_OFFER", String.class));
    Set<String> missing = new TreeSet<>(derived);
    missing.removeAll(kept);
    Set<String> extra = new TreeSet<>(kept);
    extra.removeAll(derived);
    assertThat(missing).as("offers missing %s (of %d)", when, derived.size()).isEmpty();
    assertThat(extra).as("offers too many %s", when).isEmpty();
    assertThat(kept).as("offers %s", when).hasSizeGreaterThan(ENTERPRISES);
  }

  // ---- the data ----

  /**
   * Claims, single candidate users, missing due dates and suspended cases: the shapes where a mapping
   * of the query could part from the engine's. The walked tasks are changed through the engine; the
   * mountain's cases have no process model behind their executions for the engine's listeners, so
   * their tasks get by SQL the rows the engine wrote for the walked ones. Also tells every task's
   * creation time apart, so that each list has one right order.
   */
  private void makeUneven(Map<String, String> templates) {
    TaskService tasks = engine.getTaskService();
    newColleague(COLLEAGUE, TaskMountain.groupOf(CLAIMED));
    newColleague(ENTERPRISE1_COLLEAGUE, EnterpriseRegistry.groupIdFor(E_BIKES));
    String respond = templates.get("Task_RespondToResult");
    String assign = templates.get("Task_AssignSampling");
    tasks.setAssignee(respond, ENTERPRISE1_COLLEAGUE);
    tasks.addCandidateUser(assign, "enterprise1");

    claimedByColleague().forEach(task -> claim(task, COLLEAGUE, respond, ENTERPRISE1_COLLEAGUE));
    claim(mountainTask(CLAIMED, ENTERPRISE_SLOT + 2), TaskMountain.userOf(CLAIMED), respond, ENTERPRISE1_COLLEAGUE);
    for (int e = 20; e < 40; e++) {
      claim(mountainTask(e, LAB_SLOT), e % 2 == 0 ? "lab1" : "lab1b", respond, ENTERPRISE1_COLLEAGUE);
    }
    claim(mountainTask(30, REGULATOR_SLOT), CaseWalker.COORDINATOR, respond, ENTERPRISE1_COLLEAGUE);
    offer(mountainTask(CANDIDATE, REGULATOR_SLOT), TaskMountain.userOf(CANDIDATE), assign, "enterprise1");
    offer(mountainTask(CANDIDATE, REGULATOR_SLOT + 1), "sampler", assign, "enterprise1");
    offer(mountainTask(40, LAB_SLOT), "expert1", assign, "enterprise1");

    jdbc.update("UPDATE ACT_RU_TASK SET DUE_DATE_ = NULL WHERE ID_ IN (?, ?, ?, ?)", mountainTask(UNDATED, ENTERPRISE_SLOT),
        mountainTask(UNDATED, ENTERPRISE_SLOT + 1), mountainTask(UNDATED, LAB_SLOT), mountainTask(UNDATED, REGULATOR_SLOT));
    jdbc.update("UPDATE ACT_RU_TASK SET DUE_DATE_ = NULL WHERE ID_ LIKE 'bt-%' AND MOD(CAST(SUBSTRING(ID_, 4) AS UNSIGNED), 97) = 0");
    Task confirm = tasks.createTaskQuery().taskId(templates.get("Task_ConfirmSamplingSlip")).singleResult();
    engine.getRuntimeService().suspendProcessInstanceById(confirm.getProcessInstanceId());
    String suspendedCase = mountainTask(SUSPENDED, ENTERPRISE_SLOT).replace("bt-", "bp-");
    for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK")) {
      jdbc.update("UPDATE " + table + " SET SUSPENSION_STATE_ = (SELECT SUSPENSION_STATE_ FROM ACT_RU_TASK WHERE ID_ = ?) "
          + "WHERE PROC_INST_ID_ = ?", confirm.getId(), suspendedCase);
    }
    assertThat(tasks.createTaskQuery().suspended().count()).as("suspended tasks").isEqualTo(2);

    // the walked tasks were created within seconds of each other: a minute apart, before the mountain's first
    List<String> walked = jdbc.queryForList("SELECT ID_ FROM ACT_RU_TASK WHERE ID_ NOT LIKE 'bt-%' ORDER BY ID_", String.class);
    Instant first = Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    for (int i = 0; i < walked.size(); i++) {
      jdbc.update("UPDATE ACT_RU_TASK SET CREATE_TIME_ = ? WHERE ID_ = ?", Timestamp.from(first.minus(i, ChronoUnit.MINUTES)),
          walked.get(i));
    }
  }

  private void newColleague(String userId, String enterpriseGroup) {
    IdentityService identity = engine.getIdentityService();
    User colleague = identity.newUser(userId);
    colleague.setFirstName("同事");
    colleague.setLastName("Colleague");
    colleague.setPassword(DemoPeople.PASSWORD);
    // the demo's short password, as every other user here has it
    ((IdentityServiceImpl) identity).saveUser(colleague, true);
    identity.createMembership(userId, enterpriseGroup);
    identity.createMembership(userId, Roles.ENTERPRISES);
  }

  /** The task assigned to the user, with the grant the engine gave the walked task's assignee. */
  private void claim(String task, String user, String walkedTask, String walkedAssignee) {
    jdbc.update("UPDATE ACT_RU_TASK SET ASSIGNEE_ = ? WHERE ID_ = ?", user, task);
    grantAsTheEngineDid(task, user, walkedTask, walkedAssignee);
  }

  /** The task offered to the user, with the candidate link and grant the engine made for the walked task's candidate. */
  private void offer(String task, String user, String walkedTask, String walkedCandidate) {
    assertThat(jdbc.update("INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, USER_ID_, TASK_ID_, PROC_DEF_ID_, "
            + "TENANT_ID_) SELECT CONCAT(?, '-', s.ID_), s.REV_, NULL, s.TYPE_, ?, ?, s.PROC_DEF_ID_, s.TENANT_ID_ "
            + "FROM ACT_RU_IDENTITYLINK s WHERE s.TASK_ID_ = ? AND s.USER_ID_ = ?", task, user, task, walkedTask, walkedCandidate))
        .as("candidate link of %s on %s", walkedCandidate, walkedTask).isEqualTo(1);
    grantAsTheEngineDid(task, user, walkedTask, walkedCandidate);
  }

  /** Every grant the engine gave the walked task's user (on the task and on its history), given on this task. */
  private void grantAsTheEngineDid(String task, String user, String walkedTask, String walkedUser) {
    assertThat(jdbc.update("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, "
            + "RESOURCE_ID_, PERMS_, REMOVAL_TIME_, ROOT_PROC_INST_ID_) SELECT CONCAT(?, '-', s.ID_), s.REV_, s.TYPE_, NULL, ?, "
            + "s.RESOURCE_TYPE_, ?, s.PERMS_, s.REMOVAL_TIME_, t.PROC_INST_ID_ FROM ACT_RU_AUTHORIZATION s "
            + "JOIN ACT_RU_TASK t ON t.ID_ = ? WHERE s.RESOURCE_ID_ = ? AND s.USER_ID_ = ?",
        task, user, task, task, walkedTask, walkedUser)).as("grants of %s on %s", walkedUser, walkedTask).isPositive();
  }

  private static String mountainTask(int enterprise, int slot) {
    return String.format("bt-%07d", enterprise * SLOTS.size() + slot);
  }

  private static Set<String> mountainTasksOf(int enterprise) {
    return IntStream.range(0, SLOTS.size()).mapToObj(slot -> mountainTask(enterprise, slot)).collect(Collectors.toSet());
  }

  /** Two of the enterprise's confirmations, claimed by the colleague. */
  private static List<String> claimedByColleague() {
    return List.of(mountainTask(CLAIMED, ENTERPRISE_SLOT), mountainTask(CLAIMED, ENTERPRISE_SLOT + 1));
  }

  // ---- the filters, through the Java API as Tasklist's REST calls reach it ----

  private static final String MINE_NAME = "我的待办";

  private record FilterAnswer(long count, List<String> all, List<List<String>> pages) {
  }

  private FilterAnswer filterAnswer(String user, String filterId, boolean mappingOn) {
    mapping.setEnabled(mappingOn);
    try {
      return as(user, () -> {
        FilterService filters = engine.getFilterService();
        long count = filters.count(filterId, tasklistQuery());
        List<String> all = ids(filters.list(filterId, tasklistQuery()));
        List<List<String>> pages = new ArrayList<>();
        for (int first : List.of(0, 15, 30)) {
          pages.add(ids(filters.listPage(filterId, tasklistQuery(), first, 15)));
        }
        return new FilterAnswer(count, all, pages);
      });
    } finally {
      mapping.setEnabled(true);
    }
  }

  /**
   * The case columns Tasklist asks for with a page: the named variables of the tasks', their
   * executions' and their process instances' scopes, each as id and value.
   */
  private List<String> cardColumns(String user, List<String> taskIds, boolean mappingOn) {
    if (taskIds.isEmpty()) {
      return List.of();
    }
    String[] scopes = engine.getTaskService().createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list().stream()
        .flatMap(task -> java.util.stream.Stream.of(task.getId(), task.getExecutionId(), task.getProcessInstanceId()))
        .distinct().toArray(String[]::new);
    mapping.setEnabled(mappingOn);
    try {
      return as(user, () -> engine.getRuntimeService().createVariableInstanceQuery().variableScopeIdIn(scopes)
          .variableNameIn(TaskCardColumns.COLUMNS.toArray(String[]::new)).disableBinaryFetching()
          .disableCustomObjectDeserialization().list()).stream().map(variable -> variable.getId() + "=" + variable.getValue())
          .toList();
    } finally {
      mapping.setEnabled(true);
    }
  }

  /** What Tasklist adds to every filter: active tasks, newest first. */
  private TaskQuery tasklistQuery() {
    return engine.getTaskService().createTaskQuery().active().orderByTaskCreateTime().desc();
  }

  private String mine() {
    return filterId(MINE_NAME);
  }

  private String allOpen() {
    return filterId("全部案件");
  }

  private String filterId(String namePrefix) {
    return engine.getFilterService().createFilterQuery().filterNameLike(namePrefix + "%").singleResult().getId();
  }

  private List<Object> createTimes(List<String> taskIds) {
    if (taskIds.isEmpty()) {
      return List.of();
    }
    return new ArrayList<>(jdbc.queryForList("SELECT CREATE_TIME_ FROM ACT_RU_TASK WHERE ID_ IN ("
        + taskIds.stream().map(id -> "?").collect(Collectors.joining(",")) + ")", Object.class, taskIds.toArray()));
  }

  private <T> T as(String user, Supplier<T> action) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static List<String> ids(Collection<? extends Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  /**
   * What the user sees in every filter (Java API, and Tasklist's REST calls) and through the REST task
   * query, the same with the mapping on and off; each count is checked against its list.
   */
  private Map<String, Set<String>> visible(String user, Rest rest) throws Exception {
    Map<String, Set<String>> visible = new LinkedHashMap<>();
    for (Filter filter : as(user, () -> engine.getFilterService().createFilterQuery().list())) {
      FilterAnswer on = filterAnswer(user, filter.getId(), true);
      assertThat(on).as("%s / %s", user, filter.getName()).isEqualTo(filterAnswer(user, filter.getId(), false));
      assertThat(on.all()).as("%s / %s", user, filter.getName()).hasSize((int) on.count());
      visible.put(filter.getName(), new TreeSet<>(on.all()));
      visible.put("POST /filter/" + filter.getName(), restList(rest, "/filter/" + filter.getId() + "/list",
          "/filter/" + filter.getId() + "/count", Map.of()));
    }
    visible.put("GET /task", restList(rest, "/task", "/task/count", null));
    visible.put("POST /task", restList(rest, "/task", "/task/count", Map.of()));
    return visible;
  }

  /** The ids a REST list answers and its count, each the same with the mapping on and off. */
  private Set<String> restList(Rest rest, String list, String count, Map<String, Object> body) throws Exception {
    String method = body == null ? "GET" : "POST";
    Reply tasks = restOnAndOff(rest, new Call(method, list, body, false));
    Reply counted = restOnAndOff(rest, new Call(method, count, body, false));
    assertThat(tasks.status()).as("%s %s", method, list).isEqualTo(200);
    assertThat(counted.count()).as("%s %s against its list", method, count).isEqualTo(tasks.ids().size());
    return new TreeSet<>(tasks.ids());
  }

  private Reply restOnAndOff(Rest rest, Call call) throws Exception {
    mapping.setEnabled(true);
    Reply on = rest.send(call);
    mapping.setEnabled(false);
    Reply off = rest.send(call);
    mapping.setEnabled(true);
    assertThat(on).as("mapping on against off: %s %s %s", call.method(), call.path(),
        call.body() == null ? "" : JSON.writeValueAsString(call.body())).isEqualTo(off);
    return on;
  }

  private static Set<String> without(Set<String> ids, String task) {
    Set<String> fewer = new TreeSet<>(ids);
    fewer.remove(task);
    return fewer;
  }

  // ---- the crafted queries ----

  /** Each as a JSON body of {@code POST /task}; those without nested parts also as {@code GET} parameters. */
  private static List<Map<String, Object>> hostileQueries() {
    String other = TaskMountain.userOf(CLAIMED + 1);
    String otherGroup = TaskMountain.groupOf(CLAIMED + 1);
    String otherCase = String.format("TJ-BENCH-%07d", (CLAIMED + 1) * SLOTS.size() + ENTERPRISE_SLOT);
    String ownCase = String.format("TJ-BENCH-%07d", CLAIMED * SLOTS.size() + ENTERPRISE_SLOT);
    Instant now = Instant.now();
    List<Map<String, Object>> queries = new ArrayList<>();
    queries.add(Map.of());
    queries.add(Map.of("assignee", COLLEAGUE));
    queries.add(Map.of("assignee", other));
    queries.add(Map.of("assignee", "expert1"));
    queries.add(Map.of("assignee", "lab1"));
    queries.add(Map.of("assigneeLike", "%"));
    queries.add(Map.of("candidateGroup", otherGroup));
    queries.add(Map.of("candidateGroup", otherGroup, "includeAssignedTasks", true));
    queries.add(Map.of("candidateGroup", TaskMountain.groupOf(CLAIMED), "includeAssignedTasks", true));
    queries.add(Map.of("candidateGroup", Roles.COORDINATORS));
    queries.add(Map.of("candidateGroups", List.of(otherGroup, TaskMountain.groupOf(CLAIMED + 2), Roles.COORDINATORS)));
    queries.add(Map.of("candidateGroups", List.of(otherGroup, TaskMountain.groupOf(CLAIMED)), "includeAssignedTasks", true));
    // the database compares the engine's ids byte for byte: its own group and name in capitals find nothing
    queries.add(Map.of("candidateGroup", TaskMountain.groupOf(CLAIMED).toUpperCase(Locale.ROOT)));
    queries.add(Map.of("assignee", TaskMountain.userOf(CLAIMED).toUpperCase(Locale.ROOT)));
    queries.add(Map.of("candidateUser", other));
    queries.add(Map.of("candidateUser", TaskMountain.userOf(CANDIDATE)));
    queries.add(Map.of("candidateUser", other, "includeAssignedTasks", true));
    queries.add(Map.of("involvedUser", other));
    queries.add(Map.of("involvedUser", COLLEAGUE));
    queries.add(Map.of("involvedUser", "expert1"));
    queries.add(Map.of("processInstanceBusinessKey", otherCase));
    queries.add(Map.of("processInstanceBusinessKey", ownCase));
    queries.add(Map.of("processInstanceBusinessKeyLike", "TJ-BENCH-%"));
    queries.add(Map.of("active", true));
    queries.add(Map.of("suspended", true));
    queries.add(Map.of("dueBefore", REST_DATE.format(now)));
    queries.add(Map.of("dueAfter", REST_DATE.format(now)));
    queries.add(Map.of("dueAfter", REST_DATE.format(now.minus(5, ChronoUnit.DAYS)),
        "dueBefore", REST_DATE.format(now.plus(5, ChronoUnit.DAYS))));
    queries.add(Map.of("withCandidateGroups", true));
    queries.add(Map.of("withoutCandidateGroups", true));
    queries.add(Map.of("unassigned", true));
    queries.add(Map.of("assigned", true));
    queries.add(Map.of("withCandidateUsers", true));
    queries.add(Map.of("taskDefinitionKey", "Task_TestSample"));
    queries.add(Map.of("orQueries", List.of(Map.of("assignee", other, "candidateGroup", otherGroup,
        "candidateUser", other))));
    queries.add(Map.of("orQueries", List.of(Map.of("assignee", TaskMountain.userOf(CLAIMED), "candidateGroups",
        List.of(TaskMountain.groupOf(CLAIMED), otherGroup), "involvedUser", other))));
    queries.add(Map.of("orQueries", List.of(Map.of("processInstanceBusinessKey", otherCase, "unassigned", true)),
        "active", true));
    for (String sortBy : List.of("instanceId", "caseInstanceId", "dueDate", "executionId", "caseExecutionId", "assignee",
        "created", "lastUpdated", "followUpDate", "description", "id", "name", "nameCaseInsensitive", "priority")) {
      for (String order : List.of("asc", "desc")) {
        queries.add(Map.of("sortBy", sortBy, "sortOrder", order));
      }
    }
    return queries;
  }

  /** The same query with the task id as last sort key: paging then has one right answer whatever the sort. */
  private static Map<String, Object> withIdAsLastSortKey(Map<String, Object> query) {
    Map<String, Object> body = new LinkedHashMap<>(query);
    List<Map<String, Object>> sorting = new ArrayList<>();
    Object sortBy = body.remove("sortBy");
    Object sortOrder = body.remove("sortOrder");
    if (sortBy != null) {
      sorting.add(Map.of("sortBy", sortBy, "sortOrder", sortOrder));
    }
    sorting.add(Map.of("sortBy", "id", "sortOrder", "asc"));
    body.put("sorting", sorting);
    return body;
  }

  private static String parameters(Map<String, Object> query) {
    return query.entrySet().stream().map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue() instanceof List<?> list
            ? list.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(entry.getValue()),
        StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  // ---- the REST API, as an API client calls it ----

  /** {@code ordered}: the answer has one right order (else its ids are compared as a set). */
  private record Call(String method, String path, Map<String, Object> body, boolean ordered) {
  }

  /** Status, and the task ids in the answer's order, or the count (-1 for a list). */
  private record Reply(int status, List<String> ids, long count) {
  }

  private final class Rest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String authorization;

    Rest(String user) {
      authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoPeople.PASSWORD)
          .getBytes(StandardCharsets.UTF_8));
    }

    Reply send(Call call) throws Exception {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + call.path()))
          .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(call.body())))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .header("Authorization", authorization).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        return new Reply(response.statusCode(), List.of(), -1);
      }
      JsonNode answer = JSON.readTree(response.body());
      if (answer.has("count")) {
        return new Reply(200, List.of(), answer.get("count").asLong());
      }
      List<String> ids = new ArrayList<>();
      answer.forEach(task -> ids.add(task.get("id").asText()));
      return new Reply(200, call.ordered() ? ids : ids.stream().sorted().toList(), -1);
    }
  }

  private double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }
}
