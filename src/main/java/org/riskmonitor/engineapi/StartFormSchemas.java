package org.riskmonitor.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.riskmonitor.engineapi.EngineApiOperations.Operation;
import org.riskmonitor.form.StartFormChoices;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Component;

/**
 * Tasklist asks the engine for a task form's variables but loads none for a start form, so a start
 * form's select cannot find its options under a {@code valuesKey}. When Tasklist loads a start form
 * that has live choices ({@link StartFormChoices}), they are written into the form it receives: the
 * select gets its {@code values}, and a FEEL expression naming a value list gets the list's literal.
 * The deployed form is not changed; the server checks every submitted choice again.
 */
@Component
public class StartFormSchemas {

  static final Set<String> OPERATIONS = Set.of("GET /process-definition/{id}/deployed-start-form",
      "GET /process-definition/key/{key}/deployed-start-form");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, StartFormChoices> byProcess;
  private final ProcessEngine engine;

  public StartFormSchemas(List<StartFormChoices> choices, ProcessEngine engine) {
    this.byProcess = choices.stream().collect(Collectors.toMap(StartFormChoices::processKey, Function.identity()));
    this.engine = engine;
  }

  boolean applies(Operation operation) {
    return OPERATIONS.contains(operation.name());
  }

  /** The live choices of the start form the call loads, if its process has any. */
  Optional<StartFormChoices> choicesFor(Map<String, String> parameters) {
    String key = parameters.get("key");
    if (key == null && parameters.get("id") != null) {
      ProcessDefinition definition = SystemContext.asSystem(engine.getIdentityService(), () -> engine.getRepositoryService()
          .createProcessDefinitionQuery().processDefinitionId(parameters.get("id")).singleResult());
      key = definition == null ? null : definition.getKey();
    }
    return Optional.ofNullable(key == null ? null : byProcess.get(key));
  }

  /** The form with its choices written in; a body that is not a form is left as it is. */
  byte[] withChoices(byte[] schema, StartFormChoices choices) throws IOException {
    JsonNode form;
    try {
      form = JSON.readTree(schema);
    } catch (IOException notJson) {
      return schema;
    }
    if (!(form instanceof ObjectNode)) {
      return schema;
    }
    Map<String, Map<String, String>> options = choices.optionLists();
    Map<String, String> literals = choices.valueLists().entrySet().stream().collect(Collectors.toMap(
        Map.Entry::getKey, list -> list.getValue().stream().map(value -> "\"" + value.replace("\"", "") + "\"")
            .collect(Collectors.joining(",", "[", "]"))));
    rewrite(form, options, literals);
    return JSON.writeValueAsBytes(form);
  }

  private static void rewrite(JsonNode node, Map<String, Map<String, String>> options, Map<String, String> literals) {
    if (node instanceof ObjectNode object) {
      JsonNode valuesKey = object.get("valuesKey");
      if (valuesKey != null && options.containsKey(valuesKey.asText())) {
        ArrayNode values = object.putArray("values");
        options.get(valuesKey.asText()).forEach((value, label) -> values.addObject().put("label", label).put("value", value));
        object.remove("valuesKey");
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue() instanceof TextNode text && text.asText().startsWith("=")) {
          field.setValue(new TextNode(withLiterals(text.asText(), literals)));
        } else {
          rewrite(field.getValue(), options, literals);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> rewrite(element, options, literals));
    }
  }

  private static String withLiterals(String expression, Map<String, String> literals) {
    String result = expression;
    for (Map.Entry<String, String> literal : literals.entrySet()) {
      result = Pattern.compile("\\b" + Pattern.quote(literal.getKey()) + "\\b").matcher(result)
          .replaceAll(Matcher.quoteReplacement(literal.getValue()));
    }
    return result;
  }
}
