package org.riskmonitor.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.riskmonitor.TestMailServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 7, item 4. Two servers share one database, both with their job executor on. Cases are
 * opened on one node and worked and closed on the other; their reminder timers fall due while
 * both nodes poll, and the conformity notice runs as an asynchronous step. Every job runs
 * exactly once, on either node, and so does what it causes: one notice, one audit entry, one
 * reminder recorded and one reminder mail per task and person.
 */
class TwoNodesIT {

  private static final Logger LOG = LoggerFactory.getLogger(TwoNodesIT.class);
  private static final int CASES = 30;
  /** The reminders are timeout listeners of their tasks: their job definitions carry the timer's expression. */
  private static final String ASSIGN_REMINDER = "DATE: ${dueDates.reminder(dueDates.step('assign-sampling'))}";
  private static final String CLOSE_REMINDER = "DATE: ${dueDates.reminder(dueDates.step('close-case'))}";
  private static final String NOTICE = "ServiceTask_IssueConformityNotice";
  private static final List<String> JOBS = List.of(ASSIGN_REMINDER, NOTICE, CLOSE_REMINDER);
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  /** Job log states (Camunda's JobState). */
  private static final int FAILED = 1;
  private static final int SUCCESSFUL = 2;

  @Test
  void bothNodesRunJobs_eachExactlyOnce_andCasesOpenedOnOneCloseOnTheOther() throws Exception {
    GreenMail mail = new TestMailServer(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    try {
      TestDatabase database = TestDatabase.fresh("faults_nodes");
      List<String> cases = new ArrayList<>();
      // a mail whose first try after its step failed (a busy connection pool) is the poller's: poll often
      List<String> mailServer = List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
          "--riskmonitor.mail.poll-interval=2s");
      try (AppNode a = AppNode.start("node-a", database, mailServer)) {
        a.awaitReady(Duration.ofMinutes(3));
        // the second node starts once the first has created the schema and the people
        try (AppNode b = AppNode.start("node-b", database, mailServer)) {
          b.awaitReady(Duration.ofMinutes(3));
          List<Rest> nodes = List.of(a.rest(), b.rest());
          for (int i = 0; i < CASES; i++) {
            cases.add(CaseClient.open(nodes.get(i % 2), i % 2));
          }

          makeDue(nodes.get(0), ASSIGN_REMINDER);
          awaitJobsDone(database, ASSIGN_REMINDER);
          onTheOtherNode(nodes, cases, "Task_CloseCase");
          awaitJobsDone(database, NOTICE);
          makeDue(nodes.get(1), CLOSE_REMINDER);
          awaitJobsDone(database, CLOSE_REMINDER);
          onTheOtherNode(nodes, cases, null);
          awaitMailsSent(database);
        }
      }

      Map<String, Long> jobsByNode = database.jdbc().queryForList("SELECT HOSTNAME_ AS node, COUNT(*) AS jobs "
              + "FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = ? GROUP BY HOSTNAME_", SUCCESSFUL).stream()
          .collect(Collectors.toMap(row -> (String) row.get("node"), row -> ((Number) row.get("jobs")).longValue()));
      LOG.info("Jobs run per node: {}", jobsByNode);
      assertThat(jobsByNode).containsOnlyKeys("node-a", "node-b");
      assertThat(jobsByNode.values()).allMatch(jobs -> jobs > 0);
      assertThat(jobsByNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo((long) JOBS.size() * CASES);
      assertThat(database.count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = ?", FAILED)).as("failed jobs").isZero();
      for (String job : JOBS) {
        assertThat(database.jdbc().queryForList("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE " + JOB + " AND JOB_STATE_ = ? "
            + "GROUP BY JOB_ID_", Long.class, job, job, SUCCESSFUL)).as(job + " runs per job")
            .hasSize(CASES).containsOnly(1L);
      }

      for (String caseNumber : cases) {
        assertThat(database.jdbc().queryForObject("SELECT STATE_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? "
            + "AND SUPER_PROCESS_INSTANCE_ID_ IS NULL", String.class, caseNumber)).isEqualTo("COMPLETED");
        assertThat(count(database, "rm_result_notice x", caseNumber, "")).as(caseNumber + " result notices").isEqualTo(1);
        assertThat(count(database, "rm_document x", caseNumber, "AND x.kind = 'RESULT_NOTICE'")).isEqualTo(1);
        assertThat(count(database, "rm_audit_entry x", caseNumber, "AND x.action = 'conformity-notice'")).isEqualTo(1);
        assertThat(count(database, "rm_case_closure x", caseNumber, "")).isEqualTo(1);
      }

      // each reminder went to the step's one group member (the coordinator), recorded and mailed once
      assertThat(database.count("SELECT COUNT(*) FROM rm_notification WHERE kind = 'REMINDER' AND status = 'SENT'"))
          .isEqualTo(2L * CASES);
      assertThat(database.count("SELECT COUNT(*) FROM rm_notification WHERE kind = 'REMINDER'")).isEqualTo(2L * CASES);
      List<String> reminders = new ArrayList<>();
      for (MimeMessage message : mail.getReceivedMessages()) {
        if (subject(message).contains("Due soon")) {
          reminders.add(subject(message));
        }
      }
      assertThat(reminders).hasSize(2 * CASES).doesNotHaveDuplicates();
    } finally {
      mail.stop();
    }
  }

  /** A job named by its activity (a service task) or by its job definition's configuration (a task's timer). */
  private static final String JOB = "(ACT_ID_ = ? OR JOB_DEF_CONFIGURATION_ = ?)";

  /** An administrator moves a reminder's due dates to now, as Cockpit would: both nodes' executors see them. */
  private static void makeDue(Rest rest, String reminder) throws Exception {
    String now = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1).format(REST_DATE);
    String definition = null;
    for (JsonNode candidate : rest.get(Rest.ADMIN, "/engine-rest/job-definition?jobType=timer-task-listener")) {
      if (reminder.equals(candidate.path("jobConfiguration").asText())) {
        definition = candidate.path("id").asText();
      }
    }
    assertThat(definition).as("job definition of " + reminder).isNotNull();
    JsonNode jobs = rest.get(Rest.ADMIN, "/engine-rest/job?timers=true&jobDefinitionId=" + definition);
    assertThat(jobs).hasSize(CASES);
    for (JsonNode job : jobs) {
      rest.put(Rest.ADMIN, "/engine-rest/job/" + job.path("id").asText() + "/duedate", Map.of("duedate", now));
    }
  }

  private static void awaitJobsDone(TestDatabase database, String job) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (database.count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE " + JOB + " AND JOB_STATE_ = ?", job, job, SUCCESSFUL)
        < CASES) {
      assertThat(System.nanoTime()).as(job + " jobs still pending").isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  /** Every recorded mail with an address is sent before the nodes stop: sent at once or by a poller. */
  private static void awaitMailsSent(TestDatabase database) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (database.count("SELECT COUNT(*) FROM rm_notification WHERE address IS NOT NULL AND status <> 'SENT'") > 0) {
      assertThat(System.nanoTime()).as("mails still waiting").isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  /** Each case is worked on the node it was not opened on, four people at a time. */
  private static void onTheOtherNode(List<Rest> nodes, List<String> cases, String stopAt) throws Exception {
    ExecutorService people = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        Rest other = nodes.get((i + 1) % 2);
        String caseNumber = cases.get(i);
        work.add(people.submit(() -> {
          CaseClient.advance(other, caseNumber, stopAt);
          return null;
        }));
      }
      for (Future<?> done : work) {
        done.get(3, TimeUnit.MINUTES);
      }
    } finally {
      people.shutdownNow();
    }
  }

  private static long count(TestDatabase database, String table, String caseNumber, String condition) {
    return database.count("SELECT COUNT(*) FROM " + table + " JOIN rm_monitoring_case c ON c.id = x.case_id "
        + "WHERE c.case_number = ? " + condition, caseNumber);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
