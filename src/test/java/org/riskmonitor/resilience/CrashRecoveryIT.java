package org.riskmonitor.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.riskmonitor.resilience.CaseClient.PATH;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 7, item 3. People work on two dozen cases at once when the server dies by SIGKILL. After
 * a restart on the same database every case stands at the step the client last saw confirmed
 * (or, for a submission that got no answer, at the step after it), with exactly one open task,
 * its records written exactly once, and then every case can be finished.
 */
class CrashRecoveryIT {

  private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryIT.class);
  private static final int CASES = 24;
  private static final int PEOPLE = 4;
  private static final int ANSWERS_BEFORE_KILL = 80;
  /** A job a dead node had locked waits this long before the restarted node may take it. */
  private static final List<String> SHORT_JOB_LOCK = List.of("--camunda.bpm.job-execution.lock-time-in-millis=15000");

  /** What the client knows of one case. */
  private static final class Progress {
    final String caseNumber;
    /** Steps submitted in a row each time a person takes the case up: cases move at different speeds. */
    final int burst;
    /** Steps of {@link CaseClient#PATH} whose submission was answered with success. */
    volatile int confirmed;
    /** A submission had gone out and had no answer yet. */
    volatile boolean unanswered;

    Progress(String caseNumber, int burst) {
      this.caseNumber = caseNumber;
      this.burst = burst;
    }
  }

  @Test
  void killedUnderLoad_everyCaseResumesWhereItStood_andFinishes() throws Exception {
    TestDatabase database = TestDatabase.fresh("faults_crash");
    List<Progress> cases = new ArrayList<>();
    try (AppNode before = AppNode.start("crash-before", database, SHORT_JOB_LOCK)) {
      Rest rest = before.awaitReady(Duration.ofMinutes(3)).rest();
      for (int i = 0; i < CASES; i++) {
        cases.add(new Progress(CaseClient.open(rest, i % 2), 1 + i % 3));
      }
      work(rest, cases, before);
    }
    long unanswered = cases.stream().filter(c -> c.unanswered).count();
    LOG.info("Killed with {} submissions confirmed and {} unanswered; steps confirmed per case: {}",
        cases.stream().mapToInt(c -> c.confirmed).sum(), unanswered,
        cases.stream().map(c -> String.valueOf(c.confirmed)).collect(Collectors.joining(",")));
    assertThat(cases.stream().mapToInt(c -> c.confirmed).sum()).isGreaterThanOrEqualTo(ANSWERS_BEFORE_KILL);
    assertThat(cases.stream().filter(c -> c.confirmed < PATH.size() - 1)).as("cases still moving at the kill").isNotEmpty();

    try (AppNode after = AppNode.start("crash-after", database, SHORT_JOB_LOCK)) {
      Rest rest = after.awaitReady(Duration.ofMinutes(3)).rest();
      awaitNoPendingSystemSteps(rest);

      // the plan the cases were opened from runs too, until its year ends: count the cases only
      assertThat(database.count("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_ AND SUPER_EXEC_ IS NULL "
          + "AND PROC_DEF_ID_ LIKE 'risk-case:%'")).as("running cases").isEqualTo(CASES);
      for (Progress progress : cases) {
        int reached = standsAtOneStep(database, progress);
        assertThat(reached).as(progress.caseNumber + " after " + progress.confirmed + " confirmed steps")
            .isIn(progress.unanswered ? List.of(progress.confirmed, progress.confirmed + 1) : List.of(progress.confirmed));
        recordsMatch(database, progress.caseNumber, reached);
      }

      for (Progress progress : cases) {
        CaseClient.advance(rest, progress.caseNumber, null);
      }
      // a closed case leaves the enterprise's receipts of its documents and the publication of its list entry open
      assertThat(database.count("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_DEF_ID_ LIKE 'risk-case:%'"
          + " OR PROC_DEF_ID_ LIKE 'lab-test:%'")).as("executions of cases and their lab tests left").isZero();
      for (Progress progress : cases) {
        assertThat(database.jdbc().queryForObject("SELECT STATE_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? "
            + "AND SUPER_PROCESS_INSTANCE_ID_ IS NULL", String.class, progress.caseNumber)).isEqualTo("COMPLETED");
        recordsMatch(database, progress.caseNumber, PATH.size());
        assertThat(database.count("SELECT COUNT(*) FROM rm_case_closure k JOIN rm_monitoring_case c ON c.id = k.case_id "
            + "WHERE c.case_number = ?", progress.caseNumber)).isEqualTo(1);
      }
    }
  }

  /**
   * Four people take the cases up in turn and submit one to three of a case's steps each time, until
   * {@value #ANSWERS_BEFORE_KILL} submissions have been answered; then the server is killed
   * while they keep submitting.
   */
  private static void work(Rest rest, List<Progress> cases, AppNode node) throws Exception {
    ConcurrentLinkedQueue<Progress> queue = new ConcurrentLinkedQueue<>(cases);
    AtomicInteger answered = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService people = Executors.newFixedThreadPool(PEOPLE);
    List<Future<?>> working = new ArrayList<>();
    for (int i = 0; i < PEOPLE; i++) {
      working.add(people.submit(() -> {
        Progress progress;
        while (!killed.get() && (progress = queue.poll()) != null) {
          try {
            for (int step = 0; step < progress.burst && !killed.get(); step++) {
              JsonNode task = CaseClient.openTask(rest, progress.caseNumber);
              if (task == null) {
                // the conformity notice, an asynchronous step, is not issued yet
                Thread.sleep(100);
                break;
              }
              assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(PATH.get(progress.confirmed));
              if (progress.confirmed == PATH.size() - 1) {
                break;
              }
              Progress submitting = progress;
              CaseClient.submit(rest, progress.caseNumber, task, () -> submitting.unanswered = true);
              progress.confirmed++;
              progress.unanswered = false;
              answered.incrementAndGet();
            }
            if (progress.confirmed < PATH.size() - 1) {
              queue.add(progress);
            }
          } catch (IOException e) {
            if (!killed.get()) {
              throw e;
            }
          }
        }
        return null;
      }));
    }
    people.shutdown();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (answered.get() < ANSWERS_BEFORE_KILL && working.stream().noneMatch(Future::isDone)
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    killed.set(true);
    node.kill();
    assertThat(people.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    for (Future<?> person : working) {
      person.get();
    }
  }

  /** The restarted node has run whatever system step the dead one had left (its locks expire first). */
  private static void awaitNoPendingSystemSteps(Rest rest) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (rest.get(Rest.ADMIN, "/engine-rest/job/count?messages=true").path("count").asLong() > 0) {
      assertThat(System.nanoTime()).as("asynchronous steps still pending").isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  /** The case's one open task, as its index on the path; no step of it ran twice. */
  private static int standsAtOneStep(TestDatabase database, Progress progress) {
    List<String> open = database.jdbc().queryForList("SELECT t.TASK_DEF_KEY_ FROM ACT_RU_TASK t "
        + "JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_ WHERE p.BUSINESS_KEY_ = ?", String.class, progress.caseNumber);
    assertThat(open).as("open tasks of " + progress.caseNumber).hasSize(1);
    return PATH.indexOf(open.get(0));
  }

  /**
   * History and the case record agree with the step reached: each earlier step was done once
   * and recorded once, nothing of a later step exists.
   */
  private static void recordsMatch(TestDatabase database, String caseNumber, int reached) {
    Map<String, Long> tasks = database.jdbc().queryForList("SELECT h.TASK_DEF_KEY_ AS step, COUNT(*) AS times "
            + "FROM ACT_HI_TASKINST h JOIN ACT_HI_PROCINST p ON p.ID_ = h.PROC_INST_ID_ WHERE p.BUSINESS_KEY_ = ? "
            + "GROUP BY h.TASK_DEF_KEY_", caseNumber).stream()
        .collect(Collectors.toMap(row -> (String) row.get("step"), row -> ((Number) row.get("times")).longValue()));
    for (int step = 0; step < PATH.size(); step++) {
      String key = PATH.get(step);
      assertThat(tasks.getOrDefault(key, 0L)).as(caseNumber + " tasks of " + key).isEqualTo(step <= reached ? 1 : 0);
      assertThat(database.count("SELECT COUNT(*) FROM rm_audit_entry a JOIN rm_monitoring_case c ON c.id = a.case_id "
          + "WHERE c.case_number = ? AND a.action = ?", caseNumber, CaseClient.FORM.get(key)))
          .as(caseNumber + " audit of " + key).isEqualTo(step < reached ? 1 : 0);
    }
    assertThat(count(database, "rm_sampling_slip", caseNumber)).isEqualTo(reached > 1 ? 1 : 0);
    assertThat(count(database, "rm_sampling_slip", caseNumber, "confirmed_by IS NOT NULL")).isEqualTo(reached > 2 ? 1 : 0);
    assertThat(count(database, "rm_lab_receipt", caseNumber)).isEqualTo(reached > 3 ? 1 : 0);
    assertThat(count(database, "rm_test_report", caseNumber)).isEqualTo(reached > 4 ? 1 : 0);
    assertThat(count(database, "rm_test_report", caseNumber, "reviewed_by IS NOT NULL")).isEqualTo(reached > 5 ? 1 : 0);
    assertThat(count(database, "rm_result_notice", caseNumber)).isEqualTo(reached > 5 ? 1 : 0);
  }

  private static long count(TestDatabase database, String table, String caseNumber, String... conditions) {
    return database.count("SELECT COUNT(*) FROM " + table + " x JOIN rm_monitoring_case c ON c.id = x.case_id "
        + "WHERE c.case_number = ?" + (conditions.length == 0 ? "" : " AND " + String.join(" AND ", conditions)), caseNumber);
  }
}
