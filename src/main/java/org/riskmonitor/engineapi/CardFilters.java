package org.riskmonitor.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.riskmonitor.tasklist.TaskCardColumns;

/**
 * A task query of an outside user may filter and sort by variables only where they are the task
 * card's own columns. Filtering a visible task by any other variable ("tasks of my case whose
 * expert options contain X") would let its worker guess, one query at a time, what the regulator
 * keeps from them.
 */
final class CardFilters {

  private static final List<String> FILTER_KEYS = List.of("processVariables", "taskVariables", "caseInstanceVariables");
  private static final ObjectMapper JSON = new ObjectMapper();

  private CardFilters() {
  }

  /** Whether the query string and the JSON body name no variable beyond the card's columns. */
  static boolean hold(HttpServletRequest request, byte[] body) {
    for (String key : FILTER_KEYS) {
      String[] values = request.getParameterValues(key);
      for (String value : values == null ? new String[0] : values) {
        for (String expression : value.split(",")) {
          if (!expression.isEmpty() && TaskCardColumns.COLUMNS.stream().noneMatch(c -> expression.startsWith(c + "_"))) {
            return false;
          }
        }
      }
    }
    String sortBy = request.getParameter("sortBy");
    if (sortBy != null && sortBy.toLowerCase().contains("variable")) {
      return false;
    }
    if (body.length == 0) {
      return true;
    }
    try {
      return holds(JSON.readTree(body));
    } catch (IOException notJson) {
      // the REST resources refuse it as a bad request; nothing is filtered by it
      return true;
    }
  }

  private static boolean holds(JsonNode node) {
    if (node == null) {
      return true;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (!holds(element)) {
          return false;
        }
      }
      return true;
    }
    if (!node.isObject()) {
      return true;
    }
    if (node.path("sortBy").isTextual() && node.path("sortBy").asText().toLowerCase().contains("variable")
        && !isColumn(node.path("parameters").path("variable"))) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (FILTER_KEYS.contains(field.getKey()) && field.getValue().isArray()) {
        for (JsonNode filter : field.getValue()) {
          if (!isColumn(filter.path("name"))) {
            return false;
          }
        }
      } else if (!holds(field.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isColumn(JsonNode name) {
    return name.isTextual() && TaskCardColumns.COLUMNS.contains(name.asText());
  }
}
