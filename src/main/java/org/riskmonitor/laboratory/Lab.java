package org.riskmonitor.laboratory;

/**
 * A testing laboratory; {@code capacity} is how many samples it can have in testing at once;
 * {@code limsConnected}: it receives and tests samples in its own LIMS, through external tasks.
 */
public record Lab(Long id, String code, String name, String groupId, int capacity, boolean limsConnected) {
}
