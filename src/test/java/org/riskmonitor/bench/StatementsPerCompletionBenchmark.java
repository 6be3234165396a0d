package org.riskmonitor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Statements the database server executes per task completion over a fixed walk of cases, read
 * from the server's own counters ({@code SHOW GLOBAL STATUS}: Com_select, Com_insert, Com_update,
 * Com_delete; statements go as text, so a prepared one is counted by its kind too). The counters
 * are the whole server's: point {@code bench.db.server} at a server
 * nothing else uses. One thread, job executor off (the walker runs each case's jobs itself), so two
 * runs of the same code count the same.
 * System properties: bench.statements.cases (20; half conforming, half remediated).
 */
class StatementsPerCompletionBenchmark {

  private static final int CASES = Integer.getInteger("bench.statements.cases", 20);
  private static final List<String> COUNTERS = List.of("Com_select", "Com_insert", "Com_update", "Com_delete");
  /** Rows written, updated and deleted as well: the engine batches one flush into one statement per table. */
  private static final List<String> ROWS = List.of("Handler_write", "Handler_update", "Handler_delete",
      "Com_stmt_execute");

  @Test
  void statementsPerTaskCompletion() throws SQLException {
    BenchDatabase db = new BenchDatabase("statements").createAfresh();
    // statements sent as text, not as server-prepared ones, so the server counts each by its kind
    try (ConfigurableApplicationContext context = db.start(Map.of("camunda.bpm.job-execution.enabled", "false",
        "spring.datasource.hikari.data-source-properties.useServerPrepStmts", "false"))) {
      DemoPeople people = context.getBean(DemoPeople.class);
      if (!people.seeded()) {
        people.seed();
      }
      CaseWalker walker = context.getBean(CaseWalker.class);
      HistoryService history = context.getBean(HistoryService.class);
      String enterprise = DemoPeople.ENTERPRISES.get(0).get(0);
      // one case first, so class loading and the engine's caches are not counted
      walker.finish(walker.open(enterprise, "E_BIKE", "电动自行车").getBusinessKey(), Route.remediated());

      long completedBefore = history.createHistoricTaskInstanceQuery().finished().count();
      Map<String, Long> before = counters();
      for (int i = 0; i < CASES; i++) {
        walker.finish(walker.open(enterprise, "E_BIKE", "电动自行车").getBusinessKey(),
            i % 2 == 0 ? Route.allItemsPass() : Route.remediated());
      }
      Map<String, Long> after = counters();
      long completions = history.createHistoricTaskInstanceQuery().finished().count() - completedBefore;

      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("cases", CASES);
      figures.put("completions", completions);
      long total = 0;
      StringBuilder out = new StringBuilder("\nStatements per task completion (" + CASES + " cases, " + completions
          + " completions)\n");
      for (String counter : COUNTERS) {
        long delta = after.get(counter) - before.get(counter);
        total += delta;
        figures.put(counter, BenchReport.round((double) delta / completions, 1));
        out.append(String.format("  %-11s %8d  %6.1f per completion%n", counter, delta, (double) delta / completions));
      }
      figures.put("total", BenchReport.round((double) total / completions, 1));
      out.append(String.format("  %-11s %8d  %6.1f per completion%n", "all four", total, (double) total / completions));
      for (String counter : ROWS) {
        long delta = after.get(counter) - before.get(counter);
        figures.put(counter, BenchReport.round((double) delta / completions, 1));
        out.append(String.format("  %-20s %8d  %6.1f per completion%n", counter, delta, (double) delta / completions));
      }
      System.out.println(out);
      BenchReport.write("statements", figures);
    }
  }

  private static Map<String, Long> counters() throws SQLException {
    Map<String, Long> values = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(BenchDatabase.SERVER + BenchDatabase.OPTIONS,
        BenchDatabase.USER, BenchDatabase.PASSWORD);
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
             + String.join("', '", COUNTERS) + "', '" + String.join("', '", ROWS) + "')")) {
      while (rows.next()) {
        values.put(rows.getString(1), rows.getLong(2));
      }
    }
    return values;
  }
}
