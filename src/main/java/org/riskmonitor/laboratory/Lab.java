package org.riskmonitor.laboratory;

public record Lab(Long id, String code, String name, String groupId) {
}
