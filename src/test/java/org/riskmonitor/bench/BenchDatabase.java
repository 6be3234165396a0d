package org.riskmonitor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.riskmonitor.RiskMonitorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database of the benchmarks on the local MySQL-protocol server, dropped and created afresh, and
 * the application started on it. Names start with {@code rm_bench} (system property
 * {@code bench.db.prefix}), so a run never touches another database on the server.
 */
final class BenchDatabase {

  static final String SERVER = System.getProperty("bench.db.server", "jdbc:mysql://127.0.0.1:3306/");
  static final String OPTIONS = "?sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8"
      + "&useSSL=false&allowPublicKeyRetrieval=true";
  static final String USER = System.getProperty("bench.db.user", "root");
  static final String PASSWORD = System.getProperty("bench.db.password", "");

  final String name;

  BenchDatabase(String suffix) {
    name = System.getProperty("bench.db.prefix", "rm_bench") + "_" + suffix;
    if (!name.matches("rm_bench\\w*")) {
      throw new IllegalArgumentException("benchmark databases are named rm_bench*, not " + name);
    }
  }

  String url() {
    return SERVER + name + OPTIONS;
  }

  BenchDatabase createAfresh() {
    try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, USER, PASSWORD);
         Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create " + name, e);
    }
    return this;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, PASSWORD);
  }

  /** The whole application (engine, job executor, web server) on this database, with extra properties. */
  ConfigurableApplicationContext start(Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--spring.datasource.url=" + url());
    args.add("--spring.datasource.username=" + USER);
    args.add("--spring.datasource.password=" + PASSWORD);
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(RiskMonitorApplication.class).run(args.toArray(String[]::new));
  }
}
