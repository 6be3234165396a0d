package org.riskmonitor.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.riskmonitor.input.FormRefusal;

/**
 * The form file is the field contract: every rule a {@code .form} declares (required, choices,
 * lengths, pattern, minimum) is enforced on the server without a listener reading the field. Each
 * field of every form is submitted alone with a value that breaks one of its rules.
 */
class GenericFormCheckTest {

  private final FormDefinitions forms;

  GenericFormCheckTest() throws Exception {
    forms = new FormDefinitions(null, null, Clock.system(ZoneId.of("Asia/Shanghai")));
  }

  @Test
  void everyRuleOfEveryFormIsCheckedWithoutTheListener() {
    List<String> checked = new ArrayList<>();
    for (String formId : formIds()) {
      for (FieldSpec spec : forms.fields(formId).values()) {
        if (spec.alwaysRequired()) {
          assertThat(problems(formId, Map.of())).as("%s %s missing", formId, spec.key())
              .anyMatch(p -> p.startsWith(spec.label() + "："));
          checked.add(formId + "." + spec.key() + " required");
        }
        if (spec.maxLength() != null) {
          assertThat(problems(formId, Map.of(spec.key(), "长".repeat(spec.maxLength() + 1))))
              .as("%s %s too long", formId, spec.key())
              .contains(spec.label() + "：不得超过" + spec.maxLength() + "个字符 at most " + spec.maxLength() + " characters");
          checked.add(formId + "." + spec.key() + " maxLength");
        }
        if (!spec.options().isEmpty() && !"checklist".equals(spec.type())) {
          assertThat(problems(formId, Map.of(spec.key(), "NOT_A_CHOICE"))).as("%s %s choice", formId, spec.key())
              .contains(spec.label() + "：不是可选的值 not one of the choices");
          checked.add(formId + "." + spec.key() + " options");
        }
        if (spec.min() != null) {
          assertThat(problems(formId, Map.of(spec.key(), spec.min() - 1))).as("%s %s min", formId, spec.key())
              .contains(spec.label() + "：不得小于" + spec.min() + " must be at least " + spec.min());
          checked.add(formId + "." + spec.key() + " min");
        }
        if (spec.pattern() != null) {
          assertThat(problems(formId, Map.of(spec.key(), "#"))).as("%s %s pattern", formId, spec.key())
              .anyMatch(p -> p.startsWith(spec.label() + "："));
          checked.add(formId + "." + spec.key() + " pattern");
        }
      }
    }
    assertThat(checked).hasSizeGreaterThan(80)
        .contains("sampling-slip.stockQuantity min", "open-case.enterpriseUscc pattern", "respond-to-result.resultResponse options");
  }

  @Test
  void aHiddenFieldIsNotRequiredByTheGenericCheck_itsListenerDecides() {
    String comment = forms.fields("review-report").get("reviewComment").label();
    assertThat(problems("review-report", Map.of("reviewDecision", "APPROVED")))
        .noneMatch(p -> p.startsWith(comment + "："));
  }

  @Test
  void aChoiceFromAnOptionListMustBeOneOfItsValues() {
    Map<String, Object> values = new HashMap<>();
    values.put("samplerOptions", org.camunda.spin.Spin.JSON("[{\"value\":\"sampler\",\"label\":\"抽样人员\"}]"));
    values.put("samplerId", "coordinator");
    assertThat(problems("assign-sampling", values)).anyMatch(p -> p.endsWith("不是可选的值 not one of the choices"));
    values.put("samplerId", "sampler");
    assertThat(problems("assign-sampling", values)).noneMatch(p -> p.contains("不是可选的值"));
  }

  private List<String> problems(String formId, Map<String, Object> submitted) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(call -> submitted.get(call.getArgument(0, String.class)));
    try {
      new SubmittedForm(scope, forms.fields(formId), ZoneId.of("Asia/Shanghai"), accepted -> { }).verify();
      return List.of();
    } catch (FormRefusal refusal) {
      return refusal.problems();
    }
  }

  private static List<String> formIds() {
    List<String> ids = new ArrayList<>();
    for (java.io.File file : new java.io.File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
      ids.add(file.getName().substring(0, file.getName().length() - ".form".length()));
    }
    return ids;
  }
}
