package org.riskmonitor.operations;

import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * Met when no migration of our tables is pending. Asked of the database until it is first met;
 * migrations only run as a node starts, so it then stays met.
 */
@Component
public class FlywayMigrations implements ReadinessCondition {

  private final Flyway flyway;
  private volatile boolean done;

  public FlywayMigrations(Flyway flyway) {
    this.flyway = flyway;
  }

  @Override
  public String name() {
    return "migrations";
  }

  @Override
  public boolean met() {
    if (!done) {
      done = flyway.info().pending().length == 0;
    }
    return done;
  }
}
