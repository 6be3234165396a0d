package org.riskmonitor.enterprise;

public record Enterprise(Long id, String uscc, String name, String address, String districtCode,
                         String industrialCluster, String groupId) {
}
