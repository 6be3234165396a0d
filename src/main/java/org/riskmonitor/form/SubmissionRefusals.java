package org.riskmonitor.form;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts the submissions the server refused (Prometheus: riskmonitor_submissions_refused_total):
 * a rise means a form and its checks disagree, or someone is trying what the form does not offer.
 */
@Component
public class SubmissionRefusals {

  private final Counter refused;

  public SubmissionRefusals(MeterRegistry meters) {
    refused = Counter.builder("riskmonitor.submissions.refused")
        .description("Form submissions refused by the server's checks").register(meters);
  }

  public void count() {
    refused.increment();
  }
}
