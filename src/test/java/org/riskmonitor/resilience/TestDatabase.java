package org.riskmonitor.resilience;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riskmonitor.MysqlTestServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own for one resilience test, created afresh on the {@link MysqlTestServer} and
 * named after the suite's database: {@code <suite>_<purpose>}. The nodes the test starts connect to
 * that server too.
 */
final class TestDatabase {

  private static final Pattern URL = Pattern.compile("jdbc:mysql://([^:/]+)(?::(\\d+))?/(\\w+).*");

  private final MysqlTestServer server;
  private final String url;
  private final JdbcTemplate jdbc;

  private TestDatabase(MysqlTestServer server, String url) {
    this.server = server;
    this.url = url;
    this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url, user(), password()));
  }

  static TestDatabase fresh(String purpose) {
    MysqlTestServer server = MysqlTestServer.get();
    return new TestDatabase(server, server.recreate(server.suiteDatabase() + "_" + purpose));
  }

  String url() {
    return url;
  }

  /** The database's name, its server's host and port, as the command-line clients take them. */
  String name() {
    return part(3);
  }

  String host() {
    return part(1);
  }

  String port() {
    return part(2) == null ? "3306" : part(2);
  }

  private String part(int group) {
    Matcher parts = URL.matcher(url);
    if (!parts.matches()) {
      throw new IllegalStateException("not a MySQL URL with a database: " + url);
    }
    return parts.group(group);
  }

  String user() {
    return server.user();
  }

  String password() {
    return server.password();
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
