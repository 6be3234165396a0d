package org.riskmonitor.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Closed cases in bulk for the dashboard benchmark. A few real cases, walked to their closure
 * through the forms with the engine clock moving (the templates), are copied by INSERT ... SELECT:
 * their engine history (process, activity and task instances, identity links) and their rows in our
 * tables, with new ids and case numbers, another product kind and enterprise, the times moved
 * to a start within 300 days and every duration stretched by a factor between 0.5 and 3.
 */
final class ClosedCaseHistory {

  private static final List<String> HISTORY = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_IDENTITYLINK");
  /** Engine ids of a case's own rows: each copy gets its own, so every copy is a case of its own. */
  private static final Set<String> INSTANCE_IDS = Set.of("ID_", "PARENT_ACT_INST_ID_", "EXECUTION_ID_",
      "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "CALL_PROC_INST_ID_", "TASK_ID_", "ACT_INST_ID_", "PARENT_TASK_ID_",
      "SUPER_PROCESS_INSTANCE_ID_", "SUPER_EXECUTION_ID_");
  private static final List<String> CASE_TABLES = List.of("rm_sampling_slip", "rm_test_report", "rm_risk_assessment",
      "rm_assistance_visit", "rm_problem", "rm_case_closure");
  private static final int CHUNK = 2_000;

  private final JdbcTemplate jdbc;

  ClosedCaseHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code cases} copies of the templates (case numbers of closed cases), taken in turn. */
  void build(int cases, List<String> templates, List<Long> enterpriseIds, List<String> productKinds) {
    plan(cases, templates, enterpriseIds, productKinds);
    for (int from = 0; from < cases; from += CHUNK) {
      String chunk = " AND p.n >= " + from + " AND p.n < " + (from + CHUNK);
      copy("rm_monitoring_case", "bench_case p JOIN rm_monitoring_case s ON s.id = p.template_case WHERE 1 = 1" + chunk,
          Map.of("id", "p.case_id", "case_number", "p.case_number", "enterprise_id", "p.enterprise_id",
              "product_kind", "p.product_kind",
              "process_instance_id", copiedId("s.process_instance_id")), false);
      for (String table : CASE_TABLES) {
        copy(table, "bench_case p JOIN " + table + " s ON s.case_id = p.template_case WHERE 1 = 1" + chunk,
            Map.of("case_id", "p.case_id"), false);
      }
      // meetings belong to the visit: to the copy's visit (one visit per template case)
      copy("rm_meeting", "bench_case p JOIN rm_assistance_visit tv ON tv.case_id = p.template_case "
          + "JOIN rm_meeting s ON s.visit_id = tv.id JOIN rm_assistance_visit nv ON nv.case_id = p.case_id "
          + "WHERE 1 = 1" + chunk, Map.of("visit_id", "nv.id"), false);
      for (String table : HISTORY) {
        copy(table, "bench_case p JOIN " + table + " s ON s.ROOT_PROC_INST_ID_ = p.template_root WHERE 1 = 1" + chunk,
            Map.of("BUSINESS_KEY_", "CASE WHEN s.BUSINESS_KEY_ IS NULL THEN NULL ELSE p.case_number END"), true);
      }
    }
    for (String table : HISTORY) {
      jdbc.execute("ANALYZE TABLE " + table);
    }
    CASE_TABLES.forEach(table -> jdbc.execute("ANALYZE TABLE " + table));
    jdbc.execute("ANALYZE TABLE rm_monitoring_case");
  }

  private void plan(int cases, List<String> templates, List<Long> enterpriseIds, List<String> productKinds) {
    jdbc.execute("DROP TABLE IF EXISTS bench_case");
    jdbc.execute("CREATE TABLE bench_case (n INT PRIMARY KEY, template_case BIGINT NOT NULL, "
        + "template_root VARCHAR(64) NOT NULL, template_start DATETIME NOT NULL, case_id BIGINT NOT NULL, "
        + "case_number VARCHAR(20) NOT NULL, suffix VARCHAR(12) NOT NULL, enterprise_id BIGINT NOT NULL, "
        + "product_kind VARCHAR(40) NOT NULL, offset_seconds BIGINT NOT NULL, factor DOUBLE NOT NULL) "
        // the engine's character set: template_root is joined to engine ids, and a join across
        // character sets cannot use their index (every chunk would scan the whole history)
        + "CHARACTER SET utf8mb3 COLLATE utf8mb3_bin");
    List<Map<String, Object>> sources = templates.stream().map(caseNumber -> jdbc.queryForMap(
        "SELECT c.id, c.process_instance_id, p.START_TIME_ AS started FROM rm_monitoring_case c "
            + "JOIN ACT_HI_PROCINST p ON p.ID_ = c.process_instance_id WHERE c.case_number = ?", caseNumber)).toList();
    long firstId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM rm_monitoring_case", Long.class);
    List<Object[]> rows = new ArrayList<>();
    for (int n = 0; n < cases; n++) {
      Map<String, Object> template = sources.get(n % sources.size());
      long offset = n * 104_729L % (300L * 24 * 3600);
      double factor = 0.5 + (n * 7_919L % 1000) / 400.0;
      rows.add(new Object[] {n, template.get("id"), template.get("process_instance_id"), template.get("started"),
          firstId + n, String.format("TJ-2027-B%06d", n), String.format("b%06d-", n),
          enterpriseIds.get(n % enterpriseIds.size()), productKinds.get(n % productKinds.size()), offset, factor});
      if (rows.size() == CHUNK) {
        insertPlan(rows);
      }
    }
    insertPlan(rows);
  }

  /**
   * A template's engine id made the copy's own. Activity instance ids carry the activity id and
   * may already fill the column, so the copy's id is the copy's number and a digest of the
   * template's: numbered first, so each copy's rows go in at the end of the indexes, not all over.
   */
  private static String copiedId(String column) {
    return "CONCAT(p.suffix, SUBSTRING(MD5(" + column + "), 1, 24))";
  }

  private void insertPlan(List<Object[]> rows) {
    jdbc.batchUpdate("INSERT INTO bench_case VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    rows.clear();
  }

  /**
   * INSERT INTO table SELECT every column of s, or its replacement, FROM the given source. Our
   * tables' generated ids are left to the database; times move by the copy's offset, and for
   * engine history also stretch by its factor, measured from the template's start.
   */
  private void copy(String table, String from, Map<String, String> replacements, boolean history) {
    List<Map<String, Object>> columns = jdbc.queryForList("SELECT COLUMN_NAME AS name, DATA_TYPE AS type "
        + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? "
        + "ORDER BY ORDINAL_POSITION", table);
    if (columns.isEmpty()) {
      throw new IllegalStateException("no table " + table);
    }
    Map<String, String> select = new LinkedHashMap<>();
    for (Map<String, Object> column : columns) {
      String name = (String) column.get("name");
      String type = (String) column.get("type");
      if (replacements.containsKey(name)) {
        select.put(name, replacements.get(name));
      } else if (history && INSTANCE_IDS.contains(name)) {
        select.put(name, copiedId("s." + name));
      } else if (history && name.equals("DURATION_")) {
        select.put(name, "ROUND(s.DURATION_ * p.factor)");
      } else if (history && (type.equals("datetime") || type.equals("timestamp"))) {
        select.put(name, "TIMESTAMPADD(SECOND, p.offset_seconds + ROUND(TIMESTAMPDIFF(SECOND, p.template_start, s."
            + name + ") * p.factor), p.template_start)");
      } else if (!history && name.equals("id")) {
        continue;
      } else if (!history && type.equals("datetime")) {
        select.put(name, "TIMESTAMPADD(SECOND, p.offset_seconds, s." + name + ")");
      } else if (!history && type.equals("date")) {
        select.put(name, "DATE(TIMESTAMPADD(SECOND, p.offset_seconds, s." + name + "))");
      } else {
        select.put(name, "s." + name);
      }
    }
    jdbc.update("INSERT INTO " + table + " (" + String.join(", ", select.keySet()) + ") SELECT "
        + select.values().stream().collect(Collectors.joining(", ")) + " FROM " + from);
  }
}
