package org.riskmonitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** A form's values as the JSON body Tasklist posts to {@code /task/{id}/submit-form} or {@code /complete}. */
public final class RestVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RestVariables() {
  }

  public static ObjectNode variables(Map<String, Object> values) {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((key, value) -> {
      ObjectNode variable = variables.putObject(key);
      if (value instanceof TypedValue typed) {
        variable.put("value", typed.getValue().toString());
        variable.put("type", "Json");
      } else if (value instanceof Boolean b) {
        variable.put("value", b);
        variable.put("type", "Boolean");
      } else if (value instanceof Integer i) {
        variable.put("value", i);
        variable.put("type", "Integer");
      } else if (value instanceof Long l) {
        variable.put("value", l);
        variable.put("type", "Long");
      } else {
        variable.put("value", String.valueOf(value));
        variable.put("type", "String");
      }
    });
    return variables;
  }

  public static String body(Map<String, Object> values) {
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables(values));
    return body.toString();
  }
}
