package org.riskmonitor.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.riskmonitor.form.StartFormChoices;

/** A start form's live choices are written into the form Tasklist loads: options, and lists named in FEEL. */
class StartFormSchemasTest {

  private static final StartFormChoices OPENING = new StartFormChoices() {
    @Override
    public String processKey() {
      return "risk-case";
    }

    @Override
    public Map<String, Map<String, String>> optionLists() {
      return Map.of("planLineOptions", Map.of("7", "JH-2026-001 第7行"));
    }

    @Override
    public Map<String, List<String>> valueLists() {
      return Map.of("componentLineIds", List.of("7", "9"));
    }
  };

  @Test
  void optionsAndFeelListsAreWrittenIn_theRestIsLeftAsItIs() throws Exception {
    String schema = """
        {"id":"open-case","components":[
          {"type":"select","key":"planLineId","valuesKey":"planLineOptions"},
          {"type":"select","key":"other","valuesKey":"otherOptions"},
          {"type":"textfield","key":"supplierUscc","conditional":{"hide":"=not(list contains(componentLineIds, planLineId))"}},
          {"type":"text","text":"componentLineIds stays in plain text"}]}""";
    StartFormSchemas schemas = new StartFormSchemas(List.of(OPENING), null);

    String served = new String(schemas.withChoices(schema.getBytes(StandardCharsets.UTF_8), OPENING), StandardCharsets.UTF_8);

    assertThat(served).contains("{\"type\":\"select\",\"key\":\"planLineId\",\"values\":[{\"label\":\"JH-2026-001 第7行\",\"value\":\"7\"}]}")
        .contains("\"valuesKey\":\"otherOptions\"")
        .contains("=not(list contains([\\\"7\\\",\\\"9\\\"], planLineId))")
        .contains("componentLineIds stays in plain text");
    assertThat(new String(schemas.withChoices("not json".getBytes(StandardCharsets.UTF_8), OPENING),
        StandardCharsets.UTF_8)).isEqualTo("not json");
  }
}
