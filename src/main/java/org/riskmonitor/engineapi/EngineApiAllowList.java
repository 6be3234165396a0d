package org.riskmonitor.engineapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.riskmonitor.engineapi.EngineApiOperations.Operation;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The engine REST operations each role may call, read from the table
 * {@code engine-api/allow-list.txt}. Every row must name an operation of Camunda's API
 * description, so a typo fails the start instead of silently closing (or opening) something.
 */
@Component
public class EngineApiAllowList {

  static final String TABLE = "engine-api/allow-list.txt";

  /** What a row asks of the call beyond the caller's role. */
  public enum Condition {
    NONE("-"),
    /** the path's user id is the caller */
    SELF("self"),
    /** the query names the task ({@code taskId=...}) */
    TASK_PARAM("task-param"),
    /** the query asks for the caller's own groups ({@code member=<caller>}) */
    OWN_GROUPS("own-groups"),
    /** the answer keeps only the variables the task's form names */
    FORM_VIEW("form-view"),
    /** the query filters and sorts by no variable but the task card's columns */
    CARD_FILTERS("card-filters"),
    /** a LIMS's call keeps to its lab's external-task contract (LimsCalls) */
    LIMS("lims");

    private final String word;

    Condition(String word) {
      this.word = word;
    }

    static Condition of(String word) {
      for (Condition condition : values()) {
        if (condition.word.equals(word)) {
          return condition;
        }
      }
      throw new IllegalStateException(TABLE + ": unknown condition " + word);
    }
  }

  public record Row(Operation operation, Set<ApiRole> roles, Condition condition, String why) {
  }

  private final List<Row> rows = new ArrayList<>();

  public EngineApiAllowList(EngineApiOperations operations) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(TABLE).getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(parse(line, operations));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(TABLE + " is missing", e);
    }
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The rows that open the operation to one of the caller's roles; empty if none does. */
  public List<Row> rowsFor(Operation operation, Set<ApiRole> roles) {
    return rows.stream().filter(row -> row.operation().equals(operation))
        .filter(row -> row.roles().stream().anyMatch(roles::contains)).toList();
  }

  private static Row parse(String line, EngineApiOperations operations) {
    String[] cells = line.trim().split("\\s+", 10);
    if (cells.length < 10) {
      throw new IllegalStateException(TABLE + ": a row needs method, path, six role columns, a condition and why: " + line);
    }
    Optional<Operation> operation = operations.byName(cells[0], cells[1]);
    if (operation.isEmpty()) {
      throw new IllegalStateException(TABLE + ": no such operation in Camunda's API: " + cells[0] + " " + cells[1]);
    }
    Set<ApiRole> roles = EnumSet.noneOf(ApiRole.class);
    ApiRole[] columns = ApiRole.values();
    for (int i = 0; i < columns.length; i++) {
      String cell = cells[2 + i];
      if ("x".equals(cell)) {
        roles.add(columns[i]);
      } else if (!".".equals(cell)) {
        throw new IllegalStateException(TABLE + ": a role column holds x or a dot: " + line);
      }
    }
    return new Row(operation.get(), roles, Condition.of(cells[8]), cells[9]);
  }
}
