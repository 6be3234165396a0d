package org.riskmonitor.enterprise;

/** An administrative division of Tianjin (GB/T 2260). */
public record District(String code, String name) {
}
