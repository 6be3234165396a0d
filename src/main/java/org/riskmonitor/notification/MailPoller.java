package org.riskmonitor.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node sends what is due in the background, every {@code riskmonitor.mail.poll-interval}:
 * messages that failed, and those a node recorded but stopped before sending. Tests turn it off
 * ({@code riskmonitor.mail.poll=false}) and run {@link MailOutbox#sendDue()} themselves.
 */
@Component
@ConditionalOnProperty(name = "riskmonitor.mail.poll", havingValue = "true", matchIfMissing = true)
public class MailPoller {

  private final MailOutbox outbox;

  public MailPoller(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Scheduled(initialDelayString = "${riskmonitor.mail.poll-interval:30s}",
      fixedDelayString = "${riskmonitor.mail.poll-interval:30s}")
  public void sendDue() {
    outbox.sendDue();
  }
}
