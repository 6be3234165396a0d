package org.riskmonitor.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Every operation of the engine's REST API, as Camunda describes it in {@code openapi.json}
 * (artifact {@code camunda-engine-rest-openapi}, the engine's version). A request is resolved to
 * the one operation the REST resources would serve, so the allow-list can name operations by their
 * documented path: where templates overlap ({@code /task/count} and {@code /task/{id}}) the one
 * with a fixed segment earlier wins, as JAX-RS matching does.
 */
@Component
public class EngineApiOperations {

  /** One documented operation: its method and path template, e.g. {@code POST /task/{id}/claim}. */
  public record Operation(String method, String template, List<String> segments) {

    public String name() {
      return method + " " + template;
    }

    boolean matches(String requestMethod, List<String> path) {
      if (!method.equals(requestMethod) || path.size() != segments.size()) {
        return false;
      }
      for (int i = 0; i < path.size(); i++) {
        if (!isParameter(segments.get(i)) && !segments.get(i).equals(path.get(i))) {
          return false;
        }
      }
      return true;
    }

    /** The value of each {@code {name}} segment in the path. */
    public Map<String, String> parameters(List<String> path) {
      Map<String, String> values = new java.util.HashMap<>();
      for (int i = 0; i < segments.size(); i++) {
        if (isParameter(segments.get(i))) {
          values.put(segments.get(i).substring(1, segments.get(i).length() - 1), path.get(i));
        }
      }
      return values;
    }
  }

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD");

  private final List<Operation> operations = new ArrayList<>();

  public EngineApiOperations() {
    JsonNode paths;
    try (InputStream in = new ClassPathResource("openapi.json").getInputStream()) {
      paths = new ObjectMapper().readTree(in).path("paths");
    } catch (IOException e) {
      throw new UncheckedIOException("Camunda's openapi.json is missing from the classpath", e);
    }
    for (Iterator<Map.Entry<String, JsonNode>> path = paths.fields(); path.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = path.next();
      for (Iterator<String> method = entry.getValue().fieldNames(); method.hasNext(); ) {
        String name = method.next().toUpperCase(Locale.ROOT);
        if (METHODS.contains(name)) {
          operations.add(new Operation(name, entry.getKey(), segments(entry.getKey())));
        }
      }
    }
    // most specific first: at the first segment where two templates differ, a fixed word beats a parameter
    operations.sort(Comparator.comparing(EngineApiOperations::specificity));
  }

  public List<Operation> all() {
    return List.copyOf(operations);
  }

  /** The operation a request would reach; HEAD is served as GET. */
  public Optional<Operation> find(String method, List<String> path) {
    String served = "HEAD".equals(method) ? "GET" : method;
    return operations.stream().filter(operation -> operation.matches(served, path)).findFirst();
  }

  public Optional<Operation> byName(String method, String template) {
    return operations.stream().filter(o -> o.method().equals(method) && o.template().equals(template)).findFirst();
  }

  static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static String specificity(Operation operation) {
    StringBuilder key = new StringBuilder();
    for (String segment : operation.segments()) {
      key.append(isParameter(segment) ? '1' : '0');
    }
    return key.toString();
  }
}
