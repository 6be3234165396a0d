package org.riskmonitor.engineapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.form.SubmissionRefusals;
import org.springframework.stereotype.Component;

/**
 * A task is finished over REST with a JSON body of typed variables; this holds that body to the
 * task's form before the engine reads it. A variable the form does not have is refused: otherwise a
 * client could set any process variable (the case, the enterprise's group, the assigned expert)
 * beside the form's own values. So is a serialized Java or XML object (no form field holds one),
 * and a Json value that is not JSON or is nested deeper than any form's: the engine would parse it
 * inside the step's listener and answer 500. The values themselves are checked in the engine, by
 * the step's form (SubmittedForm), whoever submits them.
 */
@Component
public class FormSubmissions {

  static final Set<String> OPERATIONS = Set.of("POST /task/{id}/submit-form", "POST /task/{id}/complete");
  /** Our deepest form value is a dynamic list, an array of rows of plain values: two levels. */
  static final int MAX_JSON_NESTING = 16;
  private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
      "date", "null", "json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskFormView formView;
  private final SubmissionRefusals refusals;

  public FormSubmissions(TaskFormView formView, SubmissionRefusals refusals) {
    this.formView = formView;
    this.refusals = refusals;
  }

  public boolean applies(String operation) {
    return OPERATIONS.contains(operation);
  }

  /** Why the body is refused (the whole message), or empty if the engine may have it. */
  public Optional<String> refusal(String taskId, byte[] body) {
    Optional<String> problem = problem(taskId, body);
    problem.ifPresent(refused -> refusals.count());
    return problem.map(refused -> new FormRefusal(refused).getMessage());
  }

  private Optional<String> problem(String taskId, byte[] body) {
    Optional<Set<String>> submittable = formView.submittableOn(taskId);
    // a task that does not exist, or has no form of ours, is answered by the engine itself
    if (submittable.isEmpty()) {
      return Optional.empty();
    }
    JsonNode request;
    try {
      request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException notJson) {
      return Optional.of("请求体应为JSON The request body must be JSON");
    }
    JsonNode variables = request == null ? null : request.path("variables");
    if (variables == null || variables.isMissingNode() || variables.isNull()) {
      return Optional.empty();
    }
    if (!variables.isObject()) {
      return Optional.of("variables：应为对象 must be an object");
    }
    Set<String> unknown = new TreeSet<>();
    variables.fieldNames().forEachRemaining(unknown::add);
    unknown.removeAll(submittable.get());
    if (!unknown.isEmpty()) {
      return Optional.of("表单中没有这些字段 Fields not on the form: "
          + String.join(", ", unknown.stream().map(FormSubmissions::shortened).toList()));
    }
    for (Iterator<Map.Entry<String, JsonNode>> entries = variables.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      Optional<String> valueProblem = valueProblem(shortened(entry.getKey()), entry.getValue());
      if (valueProblem.isPresent()) {
        return valueProblem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> valueProblem(String name, JsonNode variable) {
    String type = variable.path("type").asText("").toLowerCase();
    if (!type.isEmpty() && !PLAIN_TYPES.contains(type)) {
      return Optional.of(name + "：不接受对象类型的值 object values are not accepted");
    }
    JsonNode value = variable.path("value");
    if (!"json".equals(type) || !value.isTextual()) {
      return Optional.empty();
    }
    if (nesting(value.asText()) > MAX_JSON_NESTING) {
      return Optional.of(name + "：嵌套层数超过" + MAX_JSON_NESTING + "层 nested more than " + MAX_JSON_NESTING
          + " levels deep");
    }
    try {
      JSON.readTree(value.asText());
    } catch (JsonProcessingException e) {
      return Optional.of(name + "：不是有效的JSON not valid JSON");
    }
    return Optional.empty();
  }

  /** The deepest nesting of arrays and objects in a JSON text, counted without parsing it. */
  private static int nesting(String json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return deepest;
  }

  /** A name as sent, cut short: it is the client's, and may be anything. */
  private static String shortened(String name) {
    return name.length() > 40 ? name.substring(0, 40) + "…" : name;
  }
}
