package org.riskmonitor.expert;

public record Expert(String userId, String name, String districtCode, String title) {
}
