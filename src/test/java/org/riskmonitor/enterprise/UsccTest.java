package org.riskmonitor.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

  @Test
  void theStandardsExampleIsValid() {
    assertThat(Uscc.check("91350100M000100Y43")).isEqualTo(Uscc.Verdict.VALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"91120116MA05K8T2XA", "91120113MA06Q3LC78", "91120111MA07D2NP4Y", "91120221MA05N1GT8A",
      "91120104MA06F9WR5H"})
  void demoEnterprisesAreValid(String code) {
    assertThat(Uscc.check(code)).isEqualTo(Uscc.Verdict.VALID);
  }

  @Test
  void aChangedCharacterIsCaughtByTheCheck() {
    assertThat(Uscc.check("91350100M000100Y44")).isEqualTo(Uscc.Verdict.CHECK_CHARACTER_MISMATCH);
    assertThat(Uscc.check("91350100M000101Y43")).isEqualTo(Uscc.Verdict.CHECK_CHARACTER_MISMATCH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "9135010OM000100Y43", "91350100m000100Y43",
      "913501I0M000100Y43", "91350100M000100Y4Z"})
  void wrongShapesAreMalformed(String code) {
    assertThat(Uscc.check(code)).isEqualTo(Uscc.Verdict.MALFORMED);
  }

  @Test
  void divisionCodeIsPositionsThreeToEight() {
    assertThat(Uscc.divisionCode("91120221MA05N1GT8A")).isEqualTo("120221");
  }
}
