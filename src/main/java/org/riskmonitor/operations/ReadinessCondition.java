package org.riskmonitor.operations;

/**
 * Something a node must have in place before a load balancer sends it users; the readiness probe
 * answers UP only when every condition is met. A feature with start-up work of its own (the demo
 * data) adds a bean of this type.
 */
public interface ReadinessCondition {

  /** What is awaited, as the health details name it. */
  String name();

  boolean met();
}
