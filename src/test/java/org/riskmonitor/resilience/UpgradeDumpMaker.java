package org.riskmonitor.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not a test: makes the database dump {@link UpgradeIT} upgrades, from the previous release's jar,
 * as docs/operations.md ("Upgrades") describes. Its name matches no test pattern, so it runs only
 * when named, with the previous release's jar and commit:
 * <pre>
 * git worktree add /tmp/prev COMMIT &amp;&amp; (cd /tmp/prev &amp;&amp; ./mvnw -B -q package -DskipTests)
 * ./mvnw -B verify -Pmysql -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=UpgradeDumpMaker \
 *   -Driskmonitor.previous-jar=/tmp/prev/target/risk-monitor.jar -Driskmonitor.previous-commit=COMMIT
 * </pre>
 * The previous release runs on a fresh database with the demo people, as the resilience tests run
 * it; cases are opened over REST and left at every step of the usual path, two at each, and two are
 * closed; the server is stopped and the database dumped to
 * {@code src/test/resources/upgrade/release-COMMIT.sql.gz}.
 */
@EnabledIfSystemProperty(named = "riskmonitor.previous-jar", matches = ".+")
class UpgradeDumpMaker {

  private static final Logger LOG = LoggerFactory.getLogger(UpgradeDumpMaker.class);

  @Test
  void makeDump() throws Exception {
    Path jar = Path.of(System.getProperty("riskmonitor.previous-jar"));
    String commit = System.getProperty("riskmonitor.previous-commit");
    Path out = Path.of("src", "test", "resources", "upgrade", "release-" + commit + ".sql.gz");
    TestDatabase database = TestDatabase.fresh("upgrade_source");
    try (AppNode previous = AppNode.start("previous-release", database, List.of(), jar)) {
      previous.awaitReady(Duration.ofMinutes(3));
      Rest rest = previous.rest();
      for (int i = 0; i < 2 * (CaseClient.PATH.size() + 1); i++) {
        int step = i / 2;
        String caseNumber = CaseClient.open(rest, i % 2);
        CaseClient.advance(rest, caseNumber, step < CaseClient.PATH.size() ? CaseClient.PATH.get(step) : null);
        LOG.info("{} left at {}", caseNumber, step < CaseClient.PATH.size() ? CaseClient.PATH.get(step) : "its end");
      }
    }
    Files.createDirectories(out.getParent());
    DatabaseDump.dump(database, out);
    LOG.info("Wrote {} ({} bytes)", out, Files.size(out));
  }
}
