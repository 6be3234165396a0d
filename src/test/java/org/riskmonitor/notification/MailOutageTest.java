package org.riskmonitor.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.DemoPlans;
import org.riskmonitor.demo.Route;
import org.riskmonitor.operations.OperationsFigures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 13, item 3. The mail server is down while a case moves through four steps: each message is
 * recorded, none is sent, and the node does not retry in a loop. The node then dies holding one
 * message it had just claimed; a new node starts on the same database (a second {@link MailOutbox}
 * with a mail sender of its own), the mail server comes back, and the new node and the one still
 * running poll at the same moments: every recorded message arrives, exactly once. Meanwhile the
 * mails-waiting gauge counts what the outage held back.
 */
class MailOutageTest extends RiskMonitorTest {

  @Autowired
  private CaseWalker walker;

  @Autowired
  private DemoPlans plans;

  @Autowired
  private MailOutbox runningNode;

  @Autowired
  private NotificationMapper mapper;

  @Autowired
  private MailRetry retry;

  @Autowired
  private PlatformTransactionManager transactions;

  @Autowired
  private OperationsFigures figures;

  @Autowired
  private MeterRegistry meters;

  @Test
  void messagesRecordedWhileTheServerIsDown_arriveOnceAfterRestart() throws Exception {
    String caseNumber;
    List<Map<String, Object>> recorded;
    String cables = DemoPeople.ENTERPRISES.get(1).get(0);
    // the plan line the case takes (CaseWalker.open asks for 1,000 batches left) is there before the
    // outage: a plan made for it then would mail its own steps
    plans.openLineFor(cables, "WIRE_CABLE", 1_000);
    MAIL.stop();
    double waitingBefore = waitingMails();
    try {
      caseNumber = walker.open(cables, "WIRE_CABLE", "BV 2.5mm² 聚氯乙烯绝缘电线")
          .getBusinessKey();
      walker.advanceTo(caseNumber, "Task_ReceiveSample", Route.remediated());
      recorded = messagesOf(caseNumber);
      assertThat(recorded).as("assignment mails of four steps").hasSizeGreaterThanOrEqualTo(4)
          .allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(row.get("sent_at")).isNull();
            // tried once after its step at most; retries are the poller's, after the back-off
            assertThat(((Number) row.get("attempts")).intValue()).isLessThanOrEqualTo(1);
          });
      assertThat(recorded).anySatisfy(row -> assertThat((String) row.get("last_error")).isNotBlank());
      assertThat(runningNode.sendDue()).as("a round stops at its first failure while the server is down").isZero();
      assertThat(waitingMails() - waitingBefore).as("mails waiting, as Prometheus shows them").isEqualTo(recorded.size());

      // the node is killed right after claiming a message: its claim holds until the lease lapses
      long held = ((Number) recorded.get(0).get("id")).longValue();
      assertThat(jdbc.update("UPDATE rm_notification SET claimed_by = 'killed-node', attempts = attempts + 1, "
          + "claimed_until = TIMESTAMPADD(SECOND, 2, LOCALTIMESTAMP) WHERE id = ?", held)).isEqualTo(1);
    } finally {
      MAIL.start();
    }

    MailOutbox restartedNode = new MailOutbox(mapper, Optional.of(mailSender()), retry, transactions);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (unsent(caseNumber) > 0) {
      assertThat(System.nanoTime()).as("messages still unsent: " + messagesOf(caseNumber)).isLessThan(deadline);
      CompletableFuture<Integer> restarted = CompletableFuture.supplyAsync(restartedNode::sendDue);
      CompletableFuture<Integer> running = CompletableFuture.supplyAsync(runningNode::sendDue);
      restarted.get(30, TimeUnit.SECONDS);
      running.get(30, TimeUnit.SECONDS);
      Thread.sleep(200);
    }

    List<String> arrived = new ArrayList<>();
    for (MimeMessage message : MAIL.getReceivedMessages()) {
      if (message.getSubject().contains(caseNumber)) {
        arrived.add(to(message) + " " + message.getSubject());
      }
    }
    List<String> expected = messagesOf(caseNumber).stream().map(row -> row.get("address") + " " + row.get("subject"))
        .toList();
    assertThat(arrived).as("every recorded message, once").hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(messagesOf(caseNumber)).allSatisfy(row -> {
      assertThat(row.get("status")).isEqualTo("SENT");
      assertThat(row.get("sent_at")).isNotNull();
      assertThat(row.get("claimed_by")).isNull();
      assertThat(row.get("last_error")).isNull();
    });
  }

  private double waitingMails() {
    figures.refresh();
    return meters.get("riskmonitor.mails.waiting").gauges().stream().mapToDouble(Gauge::value).sum();
  }

  private List<Map<String, Object>> messagesOf(String caseNumber) {
    return jdbc.queryForList("SELECT id, address, subject, status, attempts, last_error, sent_at, claimed_by "
        + "FROM rm_notification WHERE subject LIKE ? ORDER BY id", "%" + caseNumber + "%");
  }

  private long unsent(String caseNumber) {
    return count("rm_notification", "subject LIKE ? AND status <> 'SENT'", "%" + caseNumber + "%");
  }

  private static JavaMailSenderImpl mailSender() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(MAIL.getSmtp().getPort());
    return sender;
  }

  private static String to(MimeMessage message) throws MessagingException {
    return message.getRecipients(Message.RecipientType.TO)[0].toString();
  }
}
