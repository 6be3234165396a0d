package org.riskmonitor.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.riskmonitor.resilience.CaseClient.PATH;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 19, item 1. Three nodes on one database behind a real HAProxy, round-robin for every
 * request and no stickiness: people log in to Tasklist through it and work cases through the
 * webapps' own engine API (session cookie and CSRF token), others through /engine-rest with
 * Basic. Half-way one node dies by SIGKILL while they work, and is started again. Nobody is
 * logged out (the session the login gave keeps working on every node), a request whose answer
 * was lost is sent once more and takes effect once, every case finishes with each step recorded
 * once, and every job ran once.
 */
class ClusterIT {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterIT.class);
  private static final int CASES = 10;
  private static final int PEOPLE = 4;
  /** Submissions answered in the second phase before the node is killed: the others are still to come. */
  private static final int ANSWERS_BEFORE_KILL = 8;
  /** A job the dead node had locked waits this long before another node may take it. */
  private static final List<String> SHORT_JOB_LOCK = List.of("--camunda.bpm.job-execution.lock-time-in-millis=15000");
  private static final String NOTICE = "ServiceTask_IssueConformityNotice";
  /** Job log states (Camunda's JobState). */
  private static final int SUCCESSFUL = 2;

  @Test
  void threeNodesBehindHaproxy_oneKilledAndRestarted_nobodyLoggedOut_everyStepAndJobOnce() throws Exception {
    TestDatabase database = TestDatabase.fresh("cluster");
    long started = System.nanoTime();
    List<AppNode> nodes = new ArrayList<>();
    try {
      nodes.add(AppNode.start("node-1", database, SHORT_JOB_LOCK));
      nodes.get(0).awaitReady(Duration.ofMinutes(3));
      // the others start once the first has created the schema and the people
      nodes.add(AppNode.start("node-2", database, SHORT_JOB_LOCK));
      nodes.add(AppNode.start("node-3", database, SHORT_JOB_LOCK));
      for (AppNode node : nodes) {
        node.awaitReady(Duration.ofMinutes(3));
      }
      try (Haproxy proxy = Haproxy.start("cluster-haproxy", nodes)) {
        scenario(proxy, database, nodes, started);
      }
    } finally {
      for (AppNode node : nodes) {
        node.close();
      }
    }
  }

  /** Logins, cases opened, worked, a node killed and started again, and what must hold afterwards. */
  private static void scenario(Haproxy proxy, TestDatabase database, List<AppNode> nodes, long started) throws Exception {
    AppNode second = nodes.get(1);
    LOG.info("Three nodes ready behind HAProxy after {} s", seconds(started));
    Rest.Retries retries = new Rest.Retries();
    WebappSessions sessions = new WebappSessions();
    Rest basic = proxy.rest().retryingOnce(retries);
    Rest webapp = basic.throughWebapp(sessions);
    // everyone who takes a step of the cases (or approves their plan) logs in before any node dies
    sessions.logIn(List.of("coordinator", "sampler", "enterprise1", "enterprise2", "lab1", "lab1b", "expert1", "manager"),
        proxy.url());
    // even cases are worked in Tasklist's sessions, odd ones by API clients with Basic
    List<Rest> ways = List.of(webapp, basic);
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      cases.add(CaseClient.open(ways.get(i % 2), i % 2));
    }

    work(ways, cases, "Task_ReceiveSample", () -> { });
    Map<String, Haproxy.Server> beforeKill = proxy.servers();
    assertThat(beforeKill.values()).as("requests each node served").allMatch(server -> server.sessions() > 0);

    work(ways, cases, "Task_CloseCase", () -> {
      // while it is busy with a long request (a step's submission takes 100-300 ms, a look-up some
      // 30): HAProxy sends a look-up it lost to another node itself, a submission it does not
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      long busySince = 0;
      long answering = 0;
      while (System.nanoTime() < deadline) {
        answering = proxy.servers().get("node-2").current();
        if (answering == 0) {
          busySince = 0;
        } else if (busySince == 0) {
          busySince = System.nanoTime();
        } else if (System.nanoTime() - busySince > TimeUnit.MILLISECONDS.toNanos(120)) {
          break;
        }
      }
      second.kill();
      LOG.info("node-2 killed after {} s, answering {} requests", seconds(started), answering);
      nodes.add(second.restart());
    });
    nodes.get(nodes.size() - 1).awaitReady(Duration.ofMinutes(3));
    proxy.awaitUp("node-2", Duration.ofSeconds(30));
    long servedBefore = proxy.servers().get("node-2").sessions();
    LOG.info("node-2 back after {} s; HAProxy: {}", seconds(started), proxy.describe());
    // a closure made whose answer is lost for sure: sent again, it finds the task gone and takes it as done
    JsonNode closing = CaseClient.openTask(webapp, cases.get(0));
    assertThat(closing.path("taskDefinitionKey").asText()).isEqualTo("Task_CloseCase");
    int doneBefore = retries.alreadyDone.get();
    CaseClient.submit(webapp.firstTriesThrough(proxy.lossyUrl()), cases.get(0), closing);
    assertThat(retries.alreadyDone.get()).as("closures found made when sent again").isEqualTo(doneBefore + 1);
    work(ways, cases, null, () -> { });
    assertThat(proxy.servers().get("node-2").sessions()).as("requests the restarted node served")
        .isGreaterThan(servedBefore);

    LOG.info("Answers lost on the way and sent again: {}, of which changes already made: {}; HAProxy: {}",
        retries.lost.get(), retries.alreadyDone.get(), proxy.describe());
    for (WebappSessions.Session session : sessions.all()) {
      assertThat(session.replaced()).as(session.user + "'s session replaced").isEmpty();
      assertThat(session.loggedInUser(proxy.url())).as(session.user + " still logged in").isEqualTo(session.user);
    }
    assertThat(sessions.all()).as("people logged in to Tasklist").hasSize(8);

    for (String caseNumber : cases) {
      assertThat(database.jdbc().queryForObject("SELECT STATE_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? "
          + "AND SUPER_PROCESS_INSTANCE_ID_ IS NULL", String.class, caseNumber)).isEqualTo("COMPLETED");
      recordedOnce(database, caseNumber);
    }
    List<Map<String, Object>> twice = database.jdbc().queryForList("SELECT JOB_ID_, COUNT(*) AS runs FROM ACT_HI_JOB_LOG "
        + "WHERE JOB_STATE_ = ? GROUP BY JOB_ID_ HAVING COUNT(*) > 1", SUCCESSFUL);
    assertThat(twice).as("jobs run more than once").isEmpty();
    assertThat(database.count("SELECT COUNT(DISTINCT JOB_ID_) FROM ACT_HI_JOB_LOG WHERE ACT_ID_ = ? AND JOB_STATE_ = ?",
        NOTICE, SUCCESSFUL)).as("conformity notices run").isEqualTo(CASES);
    Map<String, Long> jobsByNode = database.jdbc().queryForList("SELECT HOSTNAME_ AS node, COUNT(*) AS jobs "
            + "FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = ? GROUP BY HOSTNAME_", SUCCESSFUL).stream()
        .collect(Collectors.toMap(row -> (String) row.get("node"), row -> ((Number) row.get("jobs")).longValue()));
    LOG.info("Jobs run per node: {}; done after {} s", jobsByNode, seconds(started));
  }

  /** Something done once, from the main thread, while the people work. */
  private interface Interruption {
    void run() throws Exception;
  }

  /**
   * {@value #PEOPLE} people take the cases up in turn and submit one step of a case each time, until
   * every case stands at {@code stopAt} (or has ended when it is null). The interruption comes
   * after {@value #ANSWERS_BEFORE_KILL} answered submissions, while they keep going.
   */
  private static void work(List<Rest> ways, List<String> cases, String stopAt, Interruption interruption)
      throws Exception {
    ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < cases.size(); i++) {
      queue.add(i);
    }
    AtomicInteger answered = new AtomicInteger();
    ExecutorService people = Executors.newFixedThreadPool(PEOPLE);
    List<Future<?>> working = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    for (int p = 0; p < PEOPLE; p++) {
      working.add(people.submit(() -> {
        Integer index;
        while ((index = queue.poll()) != null) {
          assertThat(System.nanoTime()).as("cases still moving").isLessThan(deadline);
          Rest rest = ways.get(index % 2);
          String caseNumber = cases.get(index);
          JsonNode task = CaseClient.openTask(rest, caseNumber);
          if (task == null && stopAt == null && ended(rest, caseNumber)) {
            continue;
          }
          if (task != null && !task.path("taskDefinitionKey").asText().equals(stopAt)) {
            CaseClient.submit(rest, caseNumber, task);
            answered.incrementAndGet();
          } else if (task == null) {
            // the conformity notice, an asynchronous step, is not issued yet
            Thread.sleep(100);
          } else {
            continue;
          }
          queue.add(index);
        }
        return null;
      }));
    }
    people.shutdown();
    while (answered.get() < ANSWERS_BEFORE_KILL && working.stream().noneMatch(Future::isDone)) {
      Thread.sleep(10);
    }
    interruption.run();
    for (Future<?> person : working) {
      person.get(3, TimeUnit.MINUTES);
    }
  }

  private static boolean ended(Rest rest, String caseNumber) throws Exception {
    return rest.get(Rest.ADMIN, "/engine-rest/process-instance/count?businessKey=" + caseNumber).path("count").asLong() == 0;
  }

  /** Each step of the path done once and recorded once, each document stored once. */
  private static void recordedOnce(TestDatabase database, String caseNumber) {
    Map<String, Long> tasks = database.jdbc().queryForList("SELECT h.TASK_DEF_KEY_ AS step, COUNT(*) AS times "
            + "FROM ACT_HI_TASKINST h JOIN ACT_HI_PROCINST p ON p.ID_ = h.PROC_INST_ID_ WHERE p.BUSINESS_KEY_ = ? "
            + "GROUP BY h.TASK_DEF_KEY_", caseNumber).stream()
        .collect(Collectors.toMap(row -> (String) row.get("step"), row -> ((Number) row.get("times")).longValue()));
    for (String step : PATH) {
      assertThat(tasks.get(step)).as(caseNumber + " tasks of " + step).isEqualTo(1L);
      assertThat(database.count("SELECT COUNT(*) FROM rm_audit_entry a JOIN rm_monitoring_case c ON c.id = a.case_id "
          + "WHERE c.case_number = ? AND a.action = ?", caseNumber, CaseClient.FORM.get(step)))
          .as(caseNumber + " audit of " + step).isEqualTo(1);
    }
    for (String table : List.of("rm_sampling_slip", "rm_lab_receipt", "rm_test_report", "rm_result_notice",
        "rm_case_closure")) {
      assertThat(count(database, table, caseNumber, "")).as(caseNumber + " rows of " + table).isEqualTo(1);
    }
    for (String kind : List.of("SAMPLING_PHOTO", "TEST_REPORT_PDF", "RESULT_NOTICE")) {
      assertThat(count(database, "rm_document", caseNumber, "AND x.kind = '" + kind + "'"))
          .as(caseNumber + " documents " + kind).isEqualTo(1);
    }
  }

  private static long count(TestDatabase database, String table, String caseNumber, String condition) {
    return database.count("SELECT COUNT(*) FROM " + table + " x JOIN rm_monitoring_case c ON c.id = x.case_id "
        + "WHERE c.case_number = ? " + condition, caseNumber);
  }

  private static long seconds(long since) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
  }
}
