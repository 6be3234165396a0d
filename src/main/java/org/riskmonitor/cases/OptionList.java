package org.riskmonitor.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Choices for a form's select ({@code valuesKey}): a Json array of label and value. */
public final class OptionList {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> labelsByValue = new LinkedHashMap<>();

  public OptionList add(String value, String label) {
    labelsByValue.put(value, label);
    return this;
  }

  public JsonValue toJson() {
    List<Map<String, String>> options = new ArrayList<>();
    labelsByValue.forEach((value, label) -> options.add(Map.of("value", value, "label", label)));
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
