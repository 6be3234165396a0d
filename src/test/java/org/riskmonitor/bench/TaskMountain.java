package org.riskmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.Task;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Open tasks in bulk for the Tasklist benchmark. Real tasks, one per step kind, are created by
 * walking real cases (the templates); their rows in the engine's runtime tables (task, candidate
 * links, task authorizations, the task-local case columns and a process-instance execution) are
 * then copied by INSERT ... SELECT for every planned task, with new ids, due dates, case numbers and
 * the enterprise's own group where the template had the template enterprise's. Enterprises get a
 * group and one user each, copied from the template enterprise's. History tables are not filled:
 * the Tasklist queries read the runtime tables only. Each copy reads the plan first
 * (STRAIGHT_JOIN): left to itself, the optimizer scans the growing engine table once per chunk.
 */
final class TaskMountain {

  /** The 20 open tasks of every enterprise's cases: 8 wait for the enterprise, 12 for the regulator, labs and experts. */
  static final List<String> SLOTS = List.of(
      "Task_AssignSampling", "Task_AssignSampling", "Task_FillSamplingSlip", "Task_FillSamplingSlip",
      "Task_ConfirmSamplingSlip", "Task_ConfirmSamplingSlip", "Task_ConfirmSamplingSlip",
      "Task_ReceiveSample", "Task_ReceiveSample", "Task_TestSample", "Task_TestSample",
      "Task_RespondToResult", "Task_RespondToResult", "Task_RespondToResult",
      "Task_AssignRiskExpert", "Task_AssessRisk", "Task_AssessRisk",
      "Task_SubmitRemediationPlan", "Task_SubmitRemediationPlan", "Task_CloseCase");
  /** The enterprise whose walked cases are the templates. */
  static final String TEMPLATE_ENTERPRISE = DemoPeople.ENTERPRISES.get(0).get(0);
  static final String GROUP_PREFIX = "entBENCH";
  static final String USER_PREFIX = "bench";

  private final JdbcTemplate jdbc;
  private final String templateGroup;
  private final String templateUser;

  /** One real task of each step, each in a case of its own, walked there through the forms. */
  static Map<String, String> templates(CaseWalker walker) {
    Map<String, String> templates = new LinkedHashMap<>();
    for (String step : new LinkedHashSet<>(SLOTS)) {
      String caseNumber = walker.open(TEMPLATE_ENTERPRISE, "E_BIKE", "电动自行车").getBusinessKey();
      walker.advanceTo(caseNumber, step, step.equals("Task_CloseCase") ? Route.allItemsPass() : Route.remediated());
      Task task = walker.openTask(caseNumber);
      assertThat(task.getTaskDefinitionKey()).isEqualTo(step);
      templates.put(step, task.getId());
    }
    return templates;
  }

  TaskMountain(JdbcTemplate jdbc, String templateGroup, String templateUser) {
    this.jdbc = jdbc;
    this.templateGroup = templateGroup;
    this.templateUser = templateUser;
  }

  static String groupOf(int enterprise) {
    return GROUP_PREFIX + String.format("%05d", enterprise);
  }

  static String userOf(int enterprise) {
    return USER_PREFIX + String.format("%05d", enterprise);
  }

  /** {@code enterprises} x {@code slots.size()} open tasks; slot i of each enterprise copies task {@code slots.get(i)}. */
  void build(int enterprises, List<String> slots) {
    plan(enterprises, slots);
    copyIdentities();
    for (int from = 0; from < enterprises * slots.size(); from += 10_000) {
      String chunk = "p.n >= " + from + " AND p.n < " + (from + 10_000);
      copy("ACT_RU_EXECUTION", "bench_plan p STRAIGHT_JOIN ACT_RU_TASK t ON t.ID_ = p.template_task "
          + "STRAIGHT_JOIN ACT_RU_EXECUTION s ON s.ID_ = t.PROC_INST_ID_ WHERE " + chunk, Map.of(
          "ID_", "p.proc_inst", "PROC_INST_ID_", "p.proc_inst", "ROOT_PROC_INST_ID_", "p.proc_inst",
          "BUSINESS_KEY_", "p.case_number", "PARENT_ID_", "NULL", "SUPER_EXEC_", "NULL", "SUPER_CASE_EXEC_", "NULL",
          "REV_", "1"));
      copy("ACT_RU_TASK", "bench_plan p STRAIGHT_JOIN ACT_RU_TASK s ON s.ID_ = p.template_task WHERE " + chunk, Map.of(
          "ID_", "p.task_id", "EXECUTION_ID_", "p.proc_inst", "PROC_INST_ID_", "p.proc_inst",
          "CREATE_TIME_", "p.created", "LAST_UPDATED_", "p.created", "DUE_DATE_", "p.due", "REV_", "1"));
      copy("ACT_RU_IDENTITYLINK", "bench_plan p STRAIGHT_JOIN ACT_RU_IDENTITYLINK s ON s.TASK_ID_ = p.template_task WHERE " + chunk,
          Map.of("ID_", "CONCAT(p.task_id, '-', s.ID_)", "TASK_ID_", "p.task_id", "GROUP_ID_", ownGroup(), "REV_", "1"));
      copy("ACT_RU_AUTHORIZATION", "bench_plan p STRAIGHT_JOIN ACT_RU_AUTHORIZATION s ON s.RESOURCE_ID_ = p.template_task WHERE "
          + chunk, Map.of("ID_", "CONCAT(p.task_id, '-', s.ID_)", "RESOURCE_ID_", "p.task_id", "GROUP_ID_", ownGroup(),
          "ROOT_PROC_INST_ID_", "CASE WHEN s.ROOT_PROC_INST_ID_ IS NULL THEN NULL ELSE p.proc_inst END", "REV_", "1"));
      copy("ACT_RU_VARIABLE", "bench_plan p STRAIGHT_JOIN ACT_RU_VARIABLE s ON s.TASK_ID_ = p.template_task WHERE " + chunk, Map.of(
          "ID_", "CONCAT(p.task_id, '-', s.ID_)", "TASK_ID_", "p.task_id", "EXECUTION_ID_", "p.proc_inst",
          "PROC_INST_ID_", "p.proc_inst", "VAR_SCOPE_", "p.task_id", "REV_", "1",
          "TEXT_", "CASE s.NAME_ WHEN 'caseNumber' THEN p.case_number WHEN 'enterpriseName' THEN p.enterprise_name "
              + "ELSE s.TEXT_ END"));
    }
    for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_AUTHORIZATION",
        "ACT_RU_VARIABLE", "ACT_ID_GROUP", "ACT_ID_USER", "ACT_ID_MEMBERSHIP", "RM_TASK_OFFER")) {
      jdbc.execute("ANALYZE TABLE " + table);
    }
  }

  private String ownGroup() {
    return "CASE WHEN s.GROUP_ID_ = '" + templateGroup + "' THEN p.group_id ELSE s.GROUP_ID_ END";
  }

  private void plan(int enterprises, List<String> slots) {
    jdbc.execute("DROP TABLE IF EXISTS bench_plan");
    jdbc.execute("CREATE TABLE bench_plan (n INT PRIMARY KEY, enterprise INT NOT NULL, template_task VARCHAR(64) NOT NULL, "
        + "task_id VARCHAR(64) NOT NULL, proc_inst VARCHAR(64) NOT NULL, group_id VARCHAR(64) NOT NULL, "
        + "user_id VARCHAR(64) NOT NULL, case_number VARCHAR(64) NOT NULL, enterprise_name VARCHAR(255) NOT NULL, "
        + "created DATETIME NOT NULL, due DATETIME NOT NULL) "
        // the engine's ids are utf8 with binary collation: the same here, or joins on them use no index
        + "DEFAULT CHARSET = utf8 COLLATE = utf8_bin");
    Instant now = Instant.now();
    List<Object[]> rows = new ArrayList<>();
    for (int e = 0; e < enterprises; e++) {
      for (int slot = 0; slot < slots.size(); slot++) {
        int n = e * slots.size() + slot;
        // created over the last 60 days; due from 10 days ago (overdue) to 20 days ahead
        Instant created = now.minus(Duration.ofMinutes((long) (n * 7919L % (60 * 24 * 60))));
        Instant due = now.plus(Duration.ofHours((n * 104_729L % (30 * 24)) - 10 * 24));
        rows.add(new Object[] {n, e, slots.get(slot), String.format("bt-%07d", n), String.format("bp-%07d", n),
            groupOf(e), userOf(e), String.format("TJ-BENCH-%07d", n), "压测企业 Benchmark enterprise " + e,
            Timestamp.from(created), Timestamp.from(due)});
      }
    }
    jdbc.batchUpdate("INSERT INTO bench_plan VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
  }

  /** One group and one user per enterprise, a member of its group and of the enterprises' role. */
  private void copyIdentities() {
    String perEnterprise = "bench_plan p STRAIGHT_JOIN %s s ON s.%s = '%s' WHERE p.n = p.enterprise * %d";
    int slots = jdbc.queryForObject("SELECT COUNT(*) FROM bench_plan WHERE enterprise = 0", Integer.class);
    copy("ACT_ID_GROUP", perEnterprise.formatted("ACT_ID_GROUP", "ID_", templateGroup, slots),
        Map.of("ID_", "p.group_id", "NAME_", "p.enterprise_name", "REV_", "1"));
    copy("ACT_ID_USER", perEnterprise.formatted("ACT_ID_USER", "ID_", templateUser, slots),
        Map.of("ID_", "p.user_id", "EMAIL_", "CONCAT(p.user_id, '@bench.example')", "REV_", "1"));
    copy("ACT_ID_MEMBERSHIP", perEnterprise.formatted("ACT_ID_MEMBERSHIP", "USER_ID_", templateUser, slots),
        Map.of("USER_ID_", "p.user_id", "GROUP_ID_", ownGroup()));
    // what the template enterprise's user and group were granted apart from single tasks and instances
    copy("ACT_RU_AUTHORIZATION", perEnterprise.formatted("ACT_RU_AUTHORIZATION", "USER_ID_", templateUser, slots)
            + " AND s.RESOURCE_TYPE_ NOT IN (7, 8, 19, 20)",
        Map.of("ID_", "CONCAT(p.user_id, '-', s.ID_)", "USER_ID_", "p.user_id", "REV_", "1",
            "RESOURCE_ID_", "CASE WHEN s.RESOURCE_ID_ = '" + templateUser + "' THEN p.user_id ELSE s.RESOURCE_ID_ END"));
    copy("ACT_RU_AUTHORIZATION", perEnterprise.formatted("ACT_RU_AUTHORIZATION", "GROUP_ID_", templateGroup, slots)
            + " AND s.RESOURCE_TYPE_ NOT IN (7, 8, 19, 20)",
        Map.of("ID_", "CONCAT(p.group_id, '-', s.ID_)", "GROUP_ID_", "p.group_id", "REV_", "1",
            "RESOURCE_ID_", "CASE WHEN s.RESOURCE_ID_ = '" + templateGroup + "' THEN p.group_id ELSE s.RESOURCE_ID_ END"));
  }

  /** INSERT INTO table SELECT every column of s, or its replacement, FROM the given source. */
  private void copy(String table, String from, Map<String, String> replacements) {
    List<String> columns = jdbc.queryForList("SELECT COLUMN_NAME FROM information_schema.COLUMNS "
        + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", String.class, table);
    if (columns.isEmpty()) {
      throw new IllegalStateException("no table " + table);
    }
    Map<String, String> select = new LinkedHashMap<>();
    columns.forEach(column -> select.put(column, replacements.getOrDefault(column, "s." + column)));
    jdbc.update("INSERT INTO " + table + " (" + String.join(", ", select.keySet()) + ") SELECT "
        + select.values().stream().collect(Collectors.joining(", ")) + " FROM " + from);
  }
}
