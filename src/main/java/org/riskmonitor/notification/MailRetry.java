package org.riskmonitor.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How recorded messages are retried. A failed message waits {@code firstRetry}, then twice as
 * long after each further failure, at most {@code maxRetry}: it is never given up, so nothing is
 * lost, and a mail server that stays down costs one attempt per message per {@code maxRetry}.
 * A node holds a message it is sending for {@code lease}; longer than the SMTP timeouts
 * ({@code spring.mail.properties.mail.smtp.*timeout}), so no other node takes it over mid-send.
 */
@ConfigurationProperties("riskmonitor.mail")
public record MailRetry(@DefaultValue("1m") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
                        @DefaultValue("5m") Duration lease, @DefaultValue("50") int batch) {

  /** The wait after the given number of attempts, all failed. */
  Duration delayAfter(int attempts) {
    Duration delay = firstRetry;
    for (int i = 1; i < attempts && delay.compareTo(maxRetry) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetry) < 0 ? delay : maxRetry;
  }
}
