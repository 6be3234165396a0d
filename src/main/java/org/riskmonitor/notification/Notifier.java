package org.riskmonitor.notification;

import java.util.Collection;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.security.SystemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mail about a task. Each message is recorded (task, kind, recipient) in the same transaction as
 * the step that causes it and sent once that transaction has committed: a refused step sends
 * nothing, and a timer firing again or a restart never sends it twice. Without a mail server
 * configured (the demo), messages are recorded as not sent.
 */
@Service
public class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final NotificationMapper mapper;
  private final IdentityService identityService;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final RegulatorClock clock;

  public Notifier(NotificationMapper mapper, IdentityService identityService, ObjectProvider<JavaMailSender> mailSender,
                  RegulatorClock clock) {
    this.mapper = mapper;
    this.identityService = identityService;
    this.mailSender = mailSender;
    this.clock = clock;
  }

  public void send(String taskId, String kind, Collection<String> recipients, String subject, String text) {
    for (String recipient : recipients) {
      if (mapper.count(taskId, kind, recipient) > 0) {
        continue;
      }
      User user = SystemContext.withoutAuthorization(
          () -> identityService.createUserQuery().userId(recipient).singleResult());
      String address = user == null ? null : user.getEmail();
      JavaMailSender sender = mailSender.getIfAvailable();
      String status = address == null ? "NO_ADDRESS" : sender == null ? "NO_MAIL_SERVER" : "PENDING";
      mapper.insert(taskId, kind, recipient, address, subject, status, clock.now());
      if ("PENDING".equals(status)) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("riskmonitor@riskmonitor.example");
        message.setTo(address);
        message.setSubject(subject);
        message.setText(text);
        afterCommit(() -> deliver(sender, message, taskId, kind, recipient));
      }
    }
  }

  public int escalationsSoFar(String taskId) {
    return mapper.escalations(taskId);
  }

  private void deliver(JavaMailSender sender, SimpleMailMessage message, String taskId, String kind, String recipient) {
    try {
      sender.send(message);
      mapper.setStatus(taskId, kind, recipient, "SENT");
    } catch (MailException e) {
      LOG.warn("Mail to {} about task {} not sent: {}", recipient, taskId, e.getMessage());
      mapper.setStatus(taskId, kind, recipient, "FAILED");
    }
  }

  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          action.run();
        }
      });
    } else {
      action.run();
    }
  }
}
