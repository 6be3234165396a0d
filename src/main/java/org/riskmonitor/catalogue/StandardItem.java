package org.riskmonitor.catalogue;

/** One test item of a standard edition: what the lab measures and against which clause. */
public record StandardItem(String standardCode, int itemNo, String clause, String requirement) {
}
