package org.riskmonitor.notification;

import java.time.LocalDateTime;
import java.util.Collection;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.persistence.GeneratedId;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mail about a task. Each message is recorded (task, kind, recipient, and its text) in the same
 * transaction as the step that causes it: a refused step records nothing, and a timer firing
 * again records nothing twice. Once the step has committed the message is tried at once; what
 * fails, or is left unsent by a node that stopped, the {@link MailOutbox} retries.
 */
@Service
public class Notifier {

  private final NotificationMapper mapper;
  private final IdentityService identityService;
  private final MailOutbox outbox;
  private final RegulatorClock clock;

  public Notifier(NotificationMapper mapper, IdentityService identityService, MailOutbox outbox, RegulatorClock clock) {
    this.mapper = mapper;
    this.identityService = identityService;
    this.outbox = outbox;
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
      GeneratedId key = new GeneratedId();
      mapper.insert(taskId, kind, recipient, address, subject, text, address == null ? "NO_ADDRESS" : "PENDING",
          clock.now(), key);
      if (address != null) {
        afterCommit(() -> outbox.sendNow(key.getId()));
      }
    }
  }

  /**
   * Withdraws the messages recorded before {@code before} that were never tried: they stay on record
   * (status WITHDRAWN) and no outbox ever sends them. The demo's first start backfills a year of
   * steps, each of which records its mail as it goes; none of it is news to anybody.
   */
  public int withdrawUntriedBefore(LocalDateTime before) {
    return mapper.withdrawUntried(before);
  }

  public int escalationsSoFar(String taskId) {
    return mapper.escalations(taskId);
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
