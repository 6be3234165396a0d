package org.riskmonitor.demo;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closed cases of the demo's history beyond those walked: a case walked to its closure through the
 * forms (the template) is copied by INSERT ... SELECT, its engine history (process, activity and task
 * instances, identity links) and its rows in our tables the dashboard reads (slips, reports,
 * assessment, visit, meetings, problems, closure), as a case of its own: new engine ids, case number
 * and enterprise, a plan line of its year, its times moved to another start and every time within it
 * stretched by a factor, so the copies differ in how long each step took. Walking a closed case
 * takes a second or more; a copy a few milliseconds, so the first start can hold a year of work.
 * The columns are read from the database, so the copy follows the engine's and our migrations; the
 * statements are the same on H2 and MySQL. Variables, documents, notices and the audit trail are not
 * copied: a copy's case page shows its steps and figures, not its papers.
 */
@Component
@ConditionalOnProperty(name = "riskmonitor.demo.enabled", havingValue = "true")
class CaseHistoryCopies {

  private static final List<String> ENGINE_HISTORY = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_IDENTITYLINK");
  /** Engine ids of the case's own rows: each copy gets its own. */
  private static final Set<String> ENGINE_IDS = Set.of("ID_", "PARENT_ACT_INST_ID_", "EXECUTION_ID_", "PROC_INST_ID_",
      "ROOT_PROC_INST_ID_", "CALL_PROC_INST_ID_", "TASK_ID_", "ACT_INST_ID_", "PARENT_TASK_ID_",
      "SUPER_PROCESS_INSTANCE_ID_", "SUPER_EXECUTION_ID_");
  /** Our tables with one or more rows per case and nothing pointing at them that the copy needs. */
  private static final List<String> CASE_TABLES = List.of("rm_sampling_slip", "rm_test_report", "rm_risk_assessment",
      "rm_case_closure");
  /** The template's start, each copied time is measured from. */
  private static final String TEMPLATE_START = "tp.START_TIME_";

  /** A copy to make: of which case, for which enterprise and plan line, moved and stretched how much. */
  record Copy(String marker, long templateCaseId, long enterpriseId, Long planLineId, long offsetSeconds, int perMille) {
  }

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final TransactionTemplate transaction;
  private final Map<String, Map<String, Integer>> columns = new HashMap<>();

  CaseHistoryCopies(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.transaction = transaction;
  }

  /**
   * Makes the copy and returns its case number, in one transaction: the dashboard's read model,
   * refreshing while the demo is made, must never meet a copied case without its process or closure.
   */
  String copy(Copy copy) {
    return transaction.execute(status -> copyRows(copy));
  }

  private String copyRows(Copy copy) {
    String root = jdbc.queryForObject("SELECT process_instance_id FROM rm_monitoring_case WHERE id = ?", String.class,
        copy.templateCaseId());
    String idPrefix = copy.marker() + "-";

    Map<String, Expression> caseRow = new LinkedHashMap<>();
    caseRow.put("CASE_NUMBER", new Expression("?", copy.marker()));
    caseRow.put("PROCESS_INSTANCE_ID", engineId("s.process_instance_id", idPrefix));
    caseRow.put("ENTERPRISE_ID", new Expression("?", copy.enterpriseId()));
    caseRow.put("PLAN_LINE_ID", new Expression("?", copy.planLineId()));
    caseRow.put("SUPPLIER_ENTERPRISE_ID", new Expression("NULL"));
    insertSelect("rm_monitoring_case", caseRow, copy, false, "rm_monitoring_case s", "s.id = ?", copy.templateCaseId());
    long caseId = jdbc.queryForObject("SELECT id FROM rm_monitoring_case WHERE case_number = ?", Long.class,
        copy.marker());
    int year = jdbc.queryForObject("SELECT opened_at FROM rm_monitoring_case WHERE id = ?", LocalDateTime.class, caseId)
        .getYear();
    String caseNumber = String.format("TJ-%d-%06d", year, caseId);
    jdbc.update("UPDATE rm_monitoring_case SET case_number = ? WHERE id = ?", caseNumber, caseId);
    if (copy.planLineId() != null) {
      // the copy takes a batch of its line, as opening it would have
      jdbc.update("UPDATE rm_plan_line SET cases_opened = cases_opened + 1 WHERE id = ?", copy.planLineId());
    }

    for (String table : CASE_TABLES) {
      insertSelect(table, Map.of("CASE_ID", new Expression("?", caseId)), copy, false, table + " s", "s.case_id = ?",
          copy.templateCaseId());
    }
    insertSelect("rm_assistance_visit", Map.of("CASE_ID", new Expression("?", caseId)), copy, false,
        "rm_assistance_visit s", "s.case_id = ?", copy.templateCaseId());
    Long visitId = jdbc.queryForObject("SELECT MIN(id) FROM rm_assistance_visit WHERE case_id = ?", Long.class, caseId);
    if (visitId != null) {
      insertSelect("rm_meeting", Map.of("VISIT_ID", new Expression("?", visitId)), copy, false,
          "rm_meeting s JOIN rm_assistance_visit tv ON tv.id = s.visit_id", "tv.case_id = ?", copy.templateCaseId());
      // a copy's problems come from no checklist answer of its own
      insertSelect("rm_problem", Map.of("CASE_ID", new Expression("?", caseId), "VISIT_ID", new Expression("?", visitId),
          "CHECKLIST_ANSWER_ID", new Expression("NULL")), copy, false, "rm_problem s", "s.case_id = ?",
          copy.templateCaseId());
    }

    for (String table : ENGINE_HISTORY) {
      insertSelect(table, Map.of("BUSINESS_KEY_", new Expression("CASE WHEN s.BUSINESS_KEY_ IS NULL THEN NULL ELSE ? END",
          caseNumber)), copy, true, table + " s", "s.ROOT_PROC_INST_ID_ = ?", root);
    }
    return caseNumber;
  }

  /** When the case's process ended. */
  LocalDateTime closedAt(long caseId) {
    return jdbc.queryForObject("SELECT p.END_TIME_ FROM rm_monitoring_case c JOIN ACT_HI_PROCINST p "
        + "ON p.ID_ = c.process_instance_id WHERE c.id = ?", LocalDateTime.class, caseId);
  }

  /** A piece of SQL and the values of its parameters, in order. */
  private record Expression(String sql, List<Object> parameters) {
    Expression(String sql, Object... parameters) {
      this(sql, java.util.Arrays.asList(parameters));
    }
  }

  /** A template's engine id made the copy's own: its UUID (the id's last 36 characters) behind the copy's prefix. */
  private static Expression engineId(String column, String prefix) {
    return new Expression("CASE WHEN " + column + " IS NULL THEN NULL ELSE CONCAT(?, SUBSTRING(" + column
        + ", CASE WHEN CHAR_LENGTH(" + column + ") > 36 THEN CHAR_LENGTH(" + column + ") - 35 ELSE 1 END)) END", prefix);
  }

  /**
   * INSERT INTO table SELECT every column of s, or its replacement, FROM the given source joined to
   * the template's process instance (tp). Our generated ids are left to the database; times are
   * moved and stretched, measured from the template's start; in engine history, ids are the copy's.
   */
  private void insertSelect(String table, Map<String, Expression> replacements, Copy copy, boolean engine, String from,
                            String where, Object whereValue) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    for (Map.Entry<String, Integer> column : columnsOf(table).entrySet()) {
      String name = column.getKey();
      Expression value;
      if (replacements.containsKey(name)) {
        value = replacements.get(name);
      } else if (!engine && name.equals("ID")) {
        continue;
      } else if (engine && ENGINE_IDS.contains(name)) {
        value = engineId("s." + name, copy.marker() + "-");
      } else if (engine && name.equals("DURATION_")) {
        value = new Expression("FLOOR(s.DURATION_ * ? / 1000)", copy.perMille());
      } else if (column.getValue() == Types.TIMESTAMP || column.getValue() == Types.TIMESTAMP_WITH_TIMEZONE) {
        value = moved("s." + name, copy);
      } else if (column.getValue() == Types.DATE) {
        Expression moved = moved("s." + name, copy);
        value = new Expression("CAST(" + moved.sql() + " AS DATE)", moved.parameters());
      } else {
        value = new Expression("s." + name);
      }
      names.add(name);
      values.add(value.sql());
      parameters.addAll(value.parameters());
    }
    String templateRoot = engine ? "tp.ID_ = s.ROOT_PROC_INST_ID_"
        : "tp.ID_ = (SELECT tc.process_instance_id FROM rm_monitoring_case tc WHERE tc.id = ?)";
    if (!engine) {
      parameters.add(copy.templateCaseId());
    }
    parameters.add(whereValue);
    jdbc.update("INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + String.join(", ", values)
        + " FROM " + from + " JOIN ACT_HI_PROCINST tp ON " + templateRoot + " WHERE " + where, parameters.toArray());
  }

  /** The time as far from the copy's start as it was from the template's, times the copy's factor. */
  private static Expression moved(String column, Copy copy) {
    return new Expression("TIMESTAMPADD(SECOND, ? + FLOOR(TIMESTAMPDIFF(SECOND, " + TEMPLATE_START + ", " + column
        + ") * ? / 1000), " + TEMPLATE_START + ")", copy.offsetSeconds(), copy.perMille());
  }

  /** The table's columns in order, upper case, with their JDBC types, read once from the database. */
  private Map<String, Integer> columnsOf(String table) {
    return columns.computeIfAbsent(table, name -> {
      var connection = DataSourceUtils.getConnection(dataSource);
      try {
        DatabaseMetaData meta = connection.getMetaData();
        String stored = meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
        Map<String, Integer> found = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), stored, null)) {
          while (rs.next()) {
            found.put(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
          }
        }
        if (found.isEmpty()) {
          throw new IllegalStateException("no table " + name);
        }
        return found;
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the columns of " + name, e);
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    });
  }
}
