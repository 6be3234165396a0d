package org.riskmonitor.notification;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is recorded in rm_notification, at least once and, short of a node dying between
 * the SMTP server's acceptance and the row's update, at most once. A node claims a message with
 * a conditional UPDATE before sending it, so two nodes never send the same one; a claim lapses
 * after {@link MailRetry#lease()}, so a message held by a node that died is taken by another.
 * Without a mail server configured (the demo) nothing is attempted and messages stay PENDING.
 */
@Component
public class MailOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
  private static final String FROM = "riskmonitor@riskmonitor.example";

  private final NotificationMapper mapper;
  private final JavaMailSender mailSender;
  private final MailRetry retry;
  private final TransactionTemplate ownTransaction;
  /** This process: host and pid, and a random part, as a restarted container may reuse both. */
  private final String node;
  /** After a failure, sends right after a step wait for the poller, so steps do not each wait on a dead server. */
  private volatile long quietUntil = System.nanoTime();

  public MailOutbox(NotificationMapper mapper, Optional<JavaMailSender> mailSender, MailRetry retry,
                    PlatformTransactionManager transactions) {
    this.mapper = mapper;
    this.mailSender = mailSender.orElse(null);
    this.retry = retry;
    // each claim and result commits at once, also when called after another transaction committed
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    String process = ManagementFactory.getRuntimeMXBean().getName();
    this.node = process.substring(0, Math.min(process.length(), 80)) + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Tries a message once, right after the step that recorded it committed; the poller retries it if need be. */
  public void sendNow(long id) {
    if (mailSender == null || System.nanoTime() - quietUntil < 0) {
      return;
    }
    try {
      deliver(id);
    } catch (RuntimeException e) {
      // the step has committed: its user must not see an error for a mail the poller will send
      LOG.warn("Mail {} left to the poller: {}", id, e.toString());
    }
  }

  /**
   * Sends the messages that are due: never sent, or failed and past their back-off. A round stops
   * at the first failure: the server is likely down, and the rest are due again next round.
   */
  public int sendDue() {
    if (mailSender == null) {
      return 0;
    }
    int sent = 0;
    List<Long> due;
    do {
      due = mapper.due(retry.batch());
      for (long id : due) {
        Attempt attempt = deliver(id);
        if (attempt == Attempt.FAILED) {
          return sent;
        }
        if (attempt == Attempt.SENT) {
          sent++;
        }
      }
    } while (due.size() == retry.batch());
    return sent;
  }

  public List<MailCount> counts() {
    return mapper.countByStatus();
  }

  /** HELD_ELSEWHERE: another node holds the message, or has sent it already. */
  private enum Attempt { SENT, FAILED, HELD_ELSEWHERE }

  private Attempt deliver(long id) {
    OutgoingMail mail = ownTransaction.execute(tx ->
        mapper.claim(id, node, retry.lease().toSeconds()) == 1 ? mapper.claimed(id, node) : null);
    if (mail == null) {
      return Attempt.HELD_ELSEWHERE;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(FROM);
    message.setTo(mail.address());
    message.setSubject(mail.subject());
    message.setText(mail.body());
    try {
      mailSender.send(message);
    } catch (MailException e) {
      long delay = retry.delayAfter(mail.attempts()).toSeconds();
      // the SMTP server's answer or the connection's failure, without Spring's wrapping
      String error = e.getMostSpecificCause().toString();
      LOG.warn("Mail {} to {} not sent (attempt {}), next in {} s: {}", id, mail.address(), mail.attempts(), delay, error);
      quietUntil = System.nanoTime() + retry.firstRetry().toNanos();
      ownTransaction.executeWithoutResult(tx -> mapper.failed(id, node, delay, error.substring(0, Math.min(error.length(), 500))));
      return Attempt.FAILED;
    }
    ownTransaction.executeWithoutResult(tx -> mapper.sent(id, node));
    return Attempt.SENT;
  }
}
