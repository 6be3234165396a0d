package org.riskmonitor.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.riskmonitor.TestMailServer;

/**
 * Issue 13, item 3, with real processes. The mail server (GreenMail, on a fixed port) is down while
 * an administrator opens cases on one node: each case's assignment mail is recorded and fails. The
 * node is killed with SIGKILL; two new nodes start on the same database and poll every second,
 * failing, until the mail server comes up. Every recorded mail arrives exactly once.
 */
class MailOutageIT {

  private static final int CASES = 8;

  @Test
  void mailsRecordedDuringAnOutage_arriveOnceAfterTheNodeIsKilledAndOthersStart() throws Exception {
    int smtpPort = freePort();
    TestDatabase database = TestDatabase.fresh("faults_mail");
    List<String> mailSettings = List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
        "--riskmonitor.mail.first-retry=2s", "--riskmonitor.mail.max-retry=4s", "--riskmonitor.mail.lease=20s",
        "--riskmonitor.mail.poll-interval=1s");

    List<String> cases = new ArrayList<>();
    try (AppNode first = AppNode.start("mail-a", database, mailSettings)) {
      first.awaitReady(Duration.ofMinutes(3));
      for (int i = 0; i < CASES; i++) {
        cases.add(open(first.rest(), i % 2));
      }
      assertThat(database.count("SELECT COUNT(*) FROM rm_notification WHERE status = 'SENT'")).as("sent while down").isZero();
      assertThat(database.count("SELECT COUNT(*) FROM rm_notification WHERE status = 'PENDING' AND attempts > 0 "
          + "AND last_error IS NOT NULL")).as("tried and failed").isPositive();
      first.kill();
    }
    long recorded = database.count("SELECT COUNT(*) FROM rm_notification WHERE status = 'PENDING'");
    assertThat(recorded).as("one assignment mail per case at least").isGreaterThanOrEqualTo(CASES);

    GreenMail mail = new TestMailServer(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    try (AppNode second = AppNode.start("mail-b", database, mailSettings)) {
      second.awaitReady(Duration.ofMinutes(3));
      try (AppNode third = AppNode.start("mail-c", database, mailSettings)) {
        third.awaitReady(Duration.ofMinutes(3));
        // both new nodes poll, and fail, until the mail server is back; then both claim what is due
        mail.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (database.count("SELECT COUNT(*) FROM rm_notification WHERE status <> 'SENT'") > 0) {
          assertThat(System.nanoTime()).as("mails still unsent").isLessThan(deadline);
          Thread.sleep(500);
        }
        // a few more polls of both nodes: nothing more may arrive
        Thread.sleep(3000);
      }

      List<String> expected = database.jdbc().queryForList("SELECT CONCAT(address, ' ', subject) FROM rm_notification",
          String.class);
      List<String> arrived = new ArrayList<>();
      for (MimeMessage message : mail.getReceivedMessages()) {
        arrived.add(message.getRecipients(Message.RecipientType.TO)[0] + " " + subject(message));
      }
      assertThat(expected).hasSize((int) recorded);
      assertThat(arrived).as("every recorded mail, once").containsExactlyInAnyOrderElementsOf(expected);
      for (String caseNumber : cases) {
        assertThat(arrived).as(caseNumber).anyMatch(line -> line.contains(caseNumber));
      }
    } finally {
      mail.stop();
    }
  }

  /** An administrator opens a case through the start form (nothing here needs another user's REST access). */
  private static String open(Rest rest, int enterprise) throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("planLineId", string(CaseClient.planLine(rest, enterprise)));
    values.put("enterpriseUscc", string(CaseClient.ENTERPRISES.get(enterprise)));
    values.put("productName", string(enterprise == 0 ? "电动自行车" : "BV 2.5mm² 聚氯乙烯绝缘电线"));
    return rest.post(Rest.ADMIN, "/engine-rest/process-definition/key/risk-case/submit-form", Map.of("variables", values))
        .path("businessKey").asText();
  }

  private static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
