package org.riskmonitor;

import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.riskmonitor.demo.DemoPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every test class shares this one application context (same database, engine and web server),
 * so the suite starts Spring once. The demo people are created once; each test opens its own cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot's tests leave metrics exporters off unless asked; the Prometheus endpoint is tested
@AutoConfigureObservability(tracing = false)
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class RiskMonitorTest {

  /**
   * A real SMTP server for the whole test run; every context's mail goes to it. Its port is fixed
   * when the run starts, so a test may stop it and start it again where the application expects it.
   */
  protected static final GreenMail MAIL = new TestMailServer(ServerSetupTest.SMTP.withPort(freePort()));

  static {
    MAIL.start();
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
  }

  @Autowired
  protected ProcessEngine engine;

  @Autowired
  protected DemoPeople people;

  @Autowired
  protected JdbcTemplate jdbc;

  @BeforeEach
  void preparePeopleAndAssertions() {
    init(engine);
    synchronized (RiskMonitorTest.class) {
      if (!people.seeded()) {
        people.seed();
      }
    }
  }

  @AfterEach
  void forgetUser() {
    engine.getIdentityService().clearAuthentication();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected long count(String table, String where, Object... args) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Long.class, args);
  }
}
