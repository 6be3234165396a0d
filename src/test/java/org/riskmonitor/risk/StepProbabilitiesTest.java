package org.riskmonitor.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepProbabilitiesTest {

  @Test
  void theScenarioIsTheProductOfItsSteps() {
    assertThat(StepProbabilities.product("1/10, 1/100")).isCloseTo(0.001, within(1e-12));
    assertThat(StepProbabilities.product("0.5，1/2、0.1")).isCloseTo(0.025, within(1e-12));
    assertThat(StepProbabilities.product("1")).isEqualTo(1.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "3/2", "1/0", "abc", "1/10,", "-0.1", "1e3"})
  void stepsThatAreNotProbabilitiesAreRejected(String steps) {
    assertThat(StepProbabilities.product(steps)).isNull();
  }
}
