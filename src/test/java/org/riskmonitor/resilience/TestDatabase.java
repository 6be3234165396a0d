package org.riskmonitor.resilience;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own for one resilience test, created afresh on the server that
 * RISKMONITOR_TEST_DB_URL names (default 127.0.0.1:3306), with the same connection options.
 */
final class TestDatabase {

  private static final Pattern URL = Pattern.compile("(jdbc:mysql://[^/]+/)(\\w*)(\\?.*)?");
  private static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/riskmonitor_test?sendFractionalSeconds=false"
      + "&nullCatalogMeansCurrent=true&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";

  private final String server;
  private final String options;
  private final String name;
  private final JdbcTemplate jdbc;

  private TestDatabase(String server, String options, String name) {
    this.server = server;
    this.options = options;
    this.name = name;
    this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url(), user(), password()));
  }

  static TestDatabase fresh(String name) throws SQLException {
    String testUrl = System.getenv().getOrDefault("RISKMONITOR_TEST_DB_URL", DEFAULT_URL);
    Matcher url = URL.matcher(testUrl);
    if (!url.matches()) {
      throw new IllegalStateException("not a MySQL URL: " + testUrl);
    }
    TestDatabase database = new TestDatabase(url.group(1), url.group(3) == null ? "" : url.group(3), name);
    try (Connection connection = DriverManager.getConnection(database.server + database.options, database.user(),
        database.password()); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    return database;
  }

  String url() {
    return server + name + options;
  }

  String user() {
    return System.getenv().getOrDefault("RISKMONITOR_DB_USER", "root");
  }

  String password() {
    return System.getenv().getOrDefault("RISKMONITOR_DB_PASSWORD", "");
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
