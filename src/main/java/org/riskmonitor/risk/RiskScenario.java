package org.riskmonitor.risk;

/** An injury scenario: how the product hurts someone, how badly, and how likely over its life. */
public record RiskScenario(Long id, long assessmentId, int scenarioNo, String description, int severity,
                           String stepProbabilities, double probability, String riskLevel) {
}
