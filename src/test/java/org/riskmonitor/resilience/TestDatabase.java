package org.riskmonitor.resilience;

import org.riskmonitor.MysqlTestServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own for one resilience test, created afresh on the {@link MysqlTestServer} and
 * named after the suite's database: {@code <suite>_<purpose>}. The nodes the test starts connect to
 * that server too.
 */
final class TestDatabase {

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
