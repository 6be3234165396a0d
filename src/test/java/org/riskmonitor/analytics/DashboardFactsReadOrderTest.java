package org.riskmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.riskmonitor.analytics.FactsMapper.CaseRow;
import org.riskmonitor.analytics.FactsMapper.ProcessRow;

/**
 * A case closes while the dashboard's read model is reading it: the last step's transaction writes the
 * closure and ends the process, and commits between two of the model's statements. Wherever that
 * commit falls, the model either holds the case as still running (and reads it again at the next
 * refresh) or holds its closure; it never holds the case settled without it, which would leave the
 * closed-cases figure one short until the next rebuild.
 */
class DashboardFactsReadOrderTest {

  private static final String PROCESS = "process-1";
  private static final LocalDateTime CLOSED_AT = LocalDateTime.of(2026, 11, 30, 10, 0);

  @Test
  void aClosureCommittedBetweenTwoStatementsOfARefresh_isCountedByTheNextOne() {
    int statementsOfARebuild = statementsOfARebuild();
    for (int commitAfter = 0; commitAfter <= statementsOfARebuild; commitAfter++) {
      Database database = new Database(commitAfter);
      DashboardFacts facts = new DashboardFacts(database.mapper(), Duration.ZERO, Duration.ofHours(6));
      facts.current();
      database.commitNow();
      CaseFacts closedCase = facts.current().byId().get(1L);
      assertThat(closedCase.closedAt()).as("closure committed after statement %d of %d", commitAfter,
          statementsOfARebuild).isEqualTo(CaseFacts.instant(CLOSED_AT));
      assertThat(closedCase.settled()).isTrue();
    }
  }

  private static int statementsOfARebuild() {
    Database counting = new Database(Integer.MAX_VALUE);
    new DashboardFacts(counting.mapper(), Duration.ZERO, Duration.ofHours(6)).current();
    return counting.statements.get();
  }

  /** One case, running until the commit that closes it, which falls after the given number of statements. */
  private static final class Database {

    private final int commitAfter;
    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicBoolean committed = new AtomicBoolean();

    Database(int commitAfter) {
      this.commitAfter = commitAfter;
    }

    void commitNow() {
      committed.set(true);
    }

    FactsMapper mapper() {
      return (FactsMapper) Proxy.newProxyInstance(FactsMapper.class.getClassLoader(), new Class<?>[] {FactsMapper.class},
          (proxy, method, args) -> {
            if (statements.getAndIncrement() == commitAfter) {
              committed.set(true);
            }
            boolean closed = committed.get();
            return switch (method.getName()) {
              case "caseIdsAfter" -> (Long) args[0] < 1 ? List.of(1L) : List.of();
              case "processIdsOfCases" -> List.of(PROCESS);
              case "cases" -> List.of(new CaseRow(1, PROCESS, "E_BIKE", "120101", null, 7, "expert1", "HIGH",
                  CLOSED_AT.minusDays(40), closed ? "REMEDIATED" : null, closed ? CLOSED_AT : null, null));
              case "processes" -> List.of(new ProcessRow(PROCESS, closed, closed ? CLOSED_AT : null,
                  closed ? Duration.ofDays(40).toMillis() : null));
              case "openProcessIds" -> closed ? List.of() : List.of(PROCESS);
              case "caseIdsOfProcesses" -> List.of(1L);
              default -> List.of();
            };
          });
    }
  }
}
