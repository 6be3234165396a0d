package org.riskmonitor.operations;

import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The "startup" part of the readiness probe: OUT_OF_SERVICE until every {@link ReadinessCondition}
 * is met. The HTTP port answers while the context is still starting (the engine deploys and the
 * demo is seeded after the web server is up), so the port alone says nothing.
 */
@Component("startup")
public class StartupReadiness implements HealthIndicator {

  private final List<ReadinessCondition> conditions;

  public StartupReadiness(List<ReadinessCondition> conditions) {
    this.conditions = conditions;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    for (ReadinessCondition condition : conditions) {
      boolean met = condition.met();
      health.withDetail(condition.name(), met ? "ready" : "waiting");
      if (!met) {
        health.outOfService();
      }
    }
    return health.build();
  }
}
