package org.riskmonitor;

import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.riskmonitor.demo.DemoPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every test class shares this one application context (same database, engine and web server),
 * so the suite starts Spring once. The demo people are created once; each test opens its own cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class RiskMonitorTest {

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

  protected long count(String table, String where, Object... args) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Long.class, args);
  }
}
