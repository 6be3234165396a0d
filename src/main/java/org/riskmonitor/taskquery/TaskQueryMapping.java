package org.riskmonitor.taskquery;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the engine's task queries that Tasklist's filters send run through our own mapping
 * (the shapes it recognises, with the user's grants resolved once per query) or through the
 * engine's stock statements. On by default; an operator can turn it off
 * ({@code riskmonitor.tasklist.own-task-query: false}) and tests compare both on the same data.
 */
@Component
public class TaskQueryMapping {

  private volatile boolean enabled;
  private final AtomicLong ownQueries = new AtomicLong();

  public TaskQueryMapping(@Value("${riskmonitor.tasklist.own-task-query:true}") boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** How many task lists and counts, and card-column variable queries, our mapping has answered since the start. */
  public long ownQueries() {
    return ownQueries.get();
  }

  void countOwnQuery() {
    ownQueries.incrementAndGet();
  }
}
