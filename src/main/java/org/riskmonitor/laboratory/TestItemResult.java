package org.riskmonitor.laboratory;

public record TestItemResult(int itemNo, String standardCode, String clause, String requirement,
                             String measuredValue, boolean passed) {
}
