package org.riskmonitor;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * For {@code mvn verify -Pmysql}: points every test application context at the suite's database on
 * the {@link MysqlTestServer}, dropped and created afresh once per test run before the first context
 * starts, so the suite always meets a fresh schema.
 */
public class FreshMysqlDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static String url;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (!context.getEnvironment().acceptsProfiles(Profiles.of("test-mysql"))) {
      return;
    }
    MysqlTestServer server = MysqlTestServer.get();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mysqlTestServer", Map.of(
        "spring.datasource.url", suiteDatabase(server),
        "spring.datasource.username", server.user(),
        "spring.datasource.password", server.password())));
  }

  private static synchronized String suiteDatabase(MysqlTestServer server) {
    if (url == null) {
      url = server.recreate(server.suiteDatabase());
    }
    return url;
  }
}
