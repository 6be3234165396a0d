package org.riskmonitor.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/risk-level.dmn against the brief's EU 2019/417 matrix, cell by cell and at the borders. */
class RiskLevelDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("processes/risk-level.dmn")) {
      decision = dmn.parseDecision("risk-level", in);
    }
  }

  @ParameterizedTest(name = "p={0}: S1 {1}, S2 {2}, S3 {3}, S4 {4}")
  @CsvSource({
      "0.8,       HIGH,   SERIOUS, SERIOUS, SERIOUS",
      "0.5,       MEDIUM, SERIOUS, SERIOUS, SERIOUS",
      "0.2,       MEDIUM, SERIOUS, SERIOUS, SERIOUS",
      "0.05,      MEDIUM, SERIOUS, SERIOUS, SERIOUS",
      "0.005,     LOW,    HIGH,    SERIOUS, SERIOUS",
      "0.001,     LOW,    MEDIUM,  HIGH,    SERIOUS",
      "0.0005,    LOW,    MEDIUM,  HIGH,    SERIOUS",
      "0.00005,   LOW,    LOW,     MEDIUM,  HIGH",
      "0.000005,  LOW,    LOW,     LOW,     MEDIUM",
      "0.000001,  LOW,    LOW,     LOW,     LOW",
      "0.0000001, LOW,    LOW,     LOW,     LOW"})
  void matrix(double probability, String s1, String s2, String s3, String s4) {
    String[] expected = {s1, s2, s3, s4};
    for (int severity = 1; severity <= 4; severity++) {
      String level = dmn.evaluateDecisionTable(decision, Variables.createVariables()
          .putValue("severity", severity).putValue("probability", probability)).getSingleResult().getSingleEntry();
      assertThat(level).as("severity %d, probability %s", severity, probability).isEqualTo(expected[severity - 1]);
    }
  }
}
