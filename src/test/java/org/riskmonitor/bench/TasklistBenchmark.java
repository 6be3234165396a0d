package org.riskmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.tasklist.TaskFilters;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Tasklist's queries over 100,000 open tasks of 5,000 enterprises: for an enterprise user, a lab
 * user and the coordinator, the page of a filter as Tasklist asks for it (15 tasks, newest first, active
 * only), its count, and the case columns of the 15 tasks; first with authorization on, then off.
 * System properties: bench.enterprises (5000), bench.repetitions (30), bench.warmup.queries (5).
 */
class TasklistBenchmark {

  private static final int ENTERPRISES = Integer.getInteger("bench.enterprises", 5000);
  private static final int REPETITIONS = Integer.getInteger("bench.repetitions", 30);
  private static final int WARMUP = Integer.getInteger("bench.warmup.queries", 5);
  private static final String E_BIKES = DemoPeople.ENTERPRISES.get(0).get(0);
  private static final List<String> COLUMNS = List.of("caseNumber", "enterpriseName", "productName", "phaseName",
      "riskLevelName");

  /** The 20 open tasks of every enterprise's cases: 8 wait for the enterprise, 12 for the regulator, labs and experts. */
  private static final List<String> SLOTS = List.of(
      "Task_AssignSampling", "Task_AssignSampling", "Task_FillSamplingSlip", "Task_FillSamplingSlip",
      "Task_ConfirmSamplingSlip", "Task_ConfirmSamplingSlip", "Task_ConfirmSamplingSlip",
      "Task_ReceiveSample", "Task_ReceiveSample", "Task_TestSample", "Task_TestSample",
      "Task_RespondToResult", "Task_RespondToResult", "Task_RespondToResult",
      "Task_AssignRiskExpert", "Task_AssessRisk", "Task_AssessRisk",
      "Task_SubmitRemediationPlan", "Task_SubmitRemediationPlan", "Task_CloseCase");

  @Test
  void tasklistQueriesOverOneHundredThousandOpenTasks() {
    Map<String, Object> machine = BenchReport.machine();
    BenchDatabase db = new BenchDatabase("tasklist").createAfresh();
    try (ConfigurableApplicationContext context = db.start(Map.of("camunda.bpm.job-execution.enabled", "false"))) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      DemoPeople people = context.getBean(DemoPeople.class);
      if (!people.seeded()) {
        people.seed();
      }
      Map<String, String> templates = templates(context.getBean(CaseWalker.class), engine.getTaskService());
      long started = System.nanoTime();
      new TaskMountain(context.getBean(JdbcTemplate.class), EnterpriseRegistry.groupIdFor(E_BIKES), "enterprise1")
          .build(ENTERPRISES, SLOTS.stream().map(templates::get).toList());
      double generationSeconds = (System.nanoTime() - started) / 1e9;
      long openTasks = engine.getTaskService().createTaskQuery().count();
      assertThat(openTasks).as("open tasks").isGreaterThanOrEqualTo((long) ENTERPRISES * SLOTS.size());

      String enterpriseUser = TaskMountain.userOf(ENTERPRISES / 2);
      List<View> views = List.of(
          new View(enterpriseUser, TaskFilters.MINE, 8),
          new View(enterpriseUser, TaskFilters.OVERDUE, -1),
          new View("lab1", TaskFilters.MINE, -1),
          new View(CaseWalker.COORDINATOR, TaskFilters.MINE, -1),
          new View(CaseWalker.COORDINATOR, TaskFilters.ALL_OPEN, openTasks));
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      List<Map<String, Object>> rows = new ArrayList<>();
      for (View view : views) {
        Map<String, Object> on = measure(engine, view);
        configuration.setAuthorizationEnabled(false);
        Map<String, Object> off;
        try {
          off = measure(engine, view);
        } finally {
          configuration.setAuthorizationEnabled(true);
        }
        assertThat(on.get("total")).as("%s sees the same tasks with authorization on and off", view).isEqualTo(off.get("total"));
        for (String query : List.of("list", "count", "variables", "page")) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("user", view.user());
          row.put("filter", view.filter());
          row.put("tasks", on.get("total"));
          row.put("query", query);
          row.put("authOnP50Millis", ((Latencies) on.get(query)).percentileMillis(50));
          row.put("authOnP95Millis", ((Latencies) on.get(query)).percentileMillis(95));
          row.put("authOffP50Millis", ((Latencies) off.get(query)).percentileMillis(50));
          row.put("authOffP95Millis", ((Latencies) off.get(query)).percentileMillis(95));
          row.put("onOverOffP50", (double) row.get("authOnP50Millis") / (double) row.get("authOffP50Millis"));
          rows.add(row);
        }
      }
      print(openTasks, generationSeconds, rows);
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("machine", machine);
      figures.put("enterprises", ENTERPRISES);
      figures.put("openTasks", openTasks);
      figures.put("generationSeconds", BenchReport.round(generationSeconds, 1));
      figures.put("repetitions", REPETITIONS);
      figures.put("warmupRepetitions", WARMUP);
      rows.forEach(row -> row.replaceAll((key, value) -> value instanceof Double d ? BenchReport.round(d, 2) : value));
      figures.put("queries", rows);
      BenchReport.write("tasklist", figures);
    }
  }

  /** One real task of each step, each in a case of its own, walked there through the forms. */
  private static Map<String, String> templates(CaseWalker walker, TaskService tasks) {
    Map<String, String> templates = new LinkedHashMap<>();
    for (String step : new LinkedHashSet<>(SLOTS)) {
      String caseNumber = walker.open(E_BIKES, "E_BIKE", "电动自行车").getBusinessKey();
      walker.advanceTo(caseNumber, step, step.equals("Task_CloseCase") ? Route.allItemsPass() : Route.remediated());
      Task task = walker.openTask(caseNumber);
      assertThat(task.getTaskDefinitionKey()).isEqualTo(step);
      templates.put(step, task.getId());
    }
    return templates;
  }

  /**
   * What Tasklist's page of a filter costs: the page (POST filter/{id}/list, firstResult 0,
   * maxResults 15, sorted by creation time descending, active tasks), its count (the same request
   * returns it) and the filter's case columns of the listed tasks (embedded in the same answer).
   */
  private Map<String, Object> measure(ProcessEngine engine, View view) {
    IdentityService identity = engine.getIdentityService();
    FilterService filters = engine.getFilterService();
    RuntimeService runtime = engine.getRuntimeService();
    List<String> groups = identity.createGroupQuery().groupMember(view.user()).list().stream().map(Group::getId).toList();
    identity.setAuthentication(view.user(), groups);
    try {
      Filter filter = filters.createFilterQuery().filterName(view.filter()).singleResult();
      assertThat(filter).as("filter %s visible to %s", view.filter(), view.user()).isNotNull();
      Latencies list = new Latencies();
      Latencies count = new Latencies();
      Latencies variables = new Latencies();
      Latencies page = new Latencies();
      long total = -1;
      for (int i = 0; i < WARMUP + REPETITIONS; i++) {
        boolean measured = i >= WARMUP;
        long start = System.nanoTime();
        List<Task> tasks = timed(measured ? list : null, () -> filters.listPage(filter.getId(), tasklistQuery(engine), 0, 15));
        total = timed(measured ? count : null, () -> filters.count(filter.getId(), tasklistQuery(engine)));
        Set<String> scopes = new LinkedHashSet<>();
        tasks.forEach(t -> {
          scopes.add(t.getId());
          scopes.add(t.getExecutionId());
          scopes.add(t.getProcessInstanceId());
        });
        int shown = timed(measured ? variables : null, () -> scopes.isEmpty() ? 0
            : runtime.createVariableInstanceQuery().variableScopeIdIn(scopes.toArray(String[]::new))
            .variableNameIn(COLUMNS.toArray(String[]::new)).disableBinaryFetching()
            .disableCustomObjectDeserialization().list().size());
        if (measured) {
          page.add(System.nanoTime() - start);
        }
        assertThat(tasks).hasSize((int) Math.min(15, total));
        assertThat(shown).as("case columns of the listed tasks").isGreaterThanOrEqualTo(tasks.size());
      }
      if (view.expected() >= 0) {
        assertThat(total).as("tasks in %s", view).isEqualTo(view.expected());
      }
      return Map.of("list", list, "count", count, "variables", variables, "page", page, "total", total);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static TaskQuery tasklistQuery(ProcessEngine engine) {
    return engine.getTaskService().createTaskQuery().active().orderByTaskCreateTime().desc();
  }

  private static <T> T timed(Latencies latencies, Supplier<T> query) {
    long start = System.nanoTime();
    T result = query.get();
    if (latencies != null) {
      latencies.add(System.nanoTime() - start);
    }
    return result;
  }

  private static void print(long openTasks, double generationSeconds, List<Map<String, Object>> rows) {
    System.out.printf("%nTasklist at scale: %,d open tasks, %,d enterprises (generated in %.0f s), %d repetitions after %d%n",
        openTasks, ENTERPRISES, generationSeconds, REPETITIONS, WARMUP);
    System.out.printf("%-14s %-28s %8s %-10s %9s %9s %9s %9s %7s%n", "user", "filter", "tasks", "query", "on p50",
        "on p95", "off p50", "off p95", "on/off");
    for (Map<String, Object> row : rows) {
      System.out.printf("%-14s %-28s %8d %-10s %9.1f %9.1f %9.1f %9.1f %7.2f%n", row.get("user"),
          ((String) row.get("filter")).replaceAll("[^\\x00-\\x7F]", "").trim(), row.get("tasks"), row.get("query"),
          row.get("authOnP50Millis"), row.get("authOnP95Millis"), row.get("authOffP50Millis"), row.get("authOffP95Millis"),
          row.get("onOverOffP50"));
    }
    System.out.println("(milliseconds; on/off = p50 with authorization on over p50 with it off)");
  }

  private record View(String user, String filter, long expected) {
  }
}
