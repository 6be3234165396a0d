package org.riskmonitor.laboratory;

/** A testing laboratory; {@code capacity} is how many samples it can have in testing at once. */
public record Lab(Long id, String code, String name, String groupId, int capacity) {
}
