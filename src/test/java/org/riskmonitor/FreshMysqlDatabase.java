package org.riskmonitor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * For {@code mvn verify -Pmysql}: drops and creates the test database once per test run, before
 * the first application context starts, so the suite always meets a fresh schema.
 */
public class FreshMysqlDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Pattern URL = Pattern.compile("(jdbc:mysql://[^/]+/)(\\w+)(\\?.*)?");
  private static boolean created;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Environment env = context.getEnvironment();
    if (created || !env.acceptsProfiles(Profiles.of("test-mysql"))) {
      return;
    }
    Matcher url = URL.matcher(env.getRequiredProperty("spring.datasource.url"));
    if (!url.matches()) {
      throw new IllegalStateException("not a MySQL URL with a database: " + env.getProperty("spring.datasource.url"));
    }
    String server = url.group(1) + (url.group(3) == null ? "" : url.group(3));
    try (Connection connection = DriverManager.getConnection(server, env.getProperty("spring.datasource.username"),
        env.getProperty("spring.datasource.password"));
         Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + url.group(2));
      statement.execute("CREATE DATABASE " + url.group(2) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database on " + server, e);
    }
    created = true;
  }
}
