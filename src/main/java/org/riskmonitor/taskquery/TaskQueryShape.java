package org.riskmonitor.taskquery;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.riskmonitor.taskquery.TaskSelection.Branch;
import org.riskmonitor.taskquery.TaskSelection.Order;

/**
 * Recognises the task queries our mapping answers: those Tasklist's filters send (an assignee,
 * candidate users and groups, alone or as "either", plus active, due before/after, sorted by due
 * date or creation time). Every other field of the engine's query must hold its default value,
 * compared field by field with a fresh query, so a criterion we do not know (including one a
 * later engine adds) sends the query to the engine's own statement.
 */
final class TaskQueryShape {

  /** Fields that cache, carry or post-process, and so do not change which tasks a query finds. */
  private static final Set<String> NOT_CRITERIA = Set.of("cachedCandidateGroups", "cachedUserGroups", "queries",
      "isOrQueryActive", "initializeFormKeys", "withCommentAttachmentInfo", "taskNameCaseInsensitive",
      "variableNamesIgnoreCase", "variableValuesIgnoreCase");
  private static final Set<String> OUTER_CRITERIA = Set.of("assignee", "candidateUser", "candidateGroups",
      "includeAssignedTasks", "suspensionState", "dueBefore", "dueAfter");
  private static final Set<String> EITHER_CRITERIA = Set.of("assignee", "candidateUser", "candidateGroups");
  /** The engine's ordering properties we sort by, and their columns. */
  private static final Map<String, String> ORDER_COLUMNS = Map.of("DUE_DATE_", "DUE_DATE_",
      "CREATE_TIME_", "CREATE_TIME_");
  private static final List<Field> FIELDS = criteriaFields();
  private static final TaskQueryImpl BLANK = new TaskQueryImpl();

  private TaskQueryShape() {
  }

  /** The query as branches, shared criteria and order, or empty when it is not a shape of ours. */
  static Optional<Shape> of(TaskQueryImpl query) {
    List<TaskQueryImpl> queries = query.getQueries();
    if (queries.size() > 2 || queries.get(0) != query || !onlyIn(query, OUTER_CRITERIA)) {
      return Optional.empty();
    }
    List<Order> order = order(query.getOrderingProperties());
    if (order == null) {
      return Optional.empty();
    }
    List<Branch> branches = new ArrayList<>();
    if (queries.size() == 2) {
      TaskQueryImpl either = queries.get(1);
      if (!onlyIn(either, EITHER_CRITERIA) || asksForCandidates(query)) {
        return Optional.empty();
      }
      if (either.getAssignee() != null) {
        branches.add(new Branch(either.getAssignee(), false, null, List.of(), false));
      }
      if (asksForCandidates(either)) {
        Branch candidates = candidates(either, false);
        if (candidates == null) {
          return Optional.empty();
        }
        branches.add(candidates);
      }
      if (branches.isEmpty()) {
        return Optional.empty();
      }
    } else if (asksForCandidates(query)) {
      Branch candidates = candidates(query, query.isIncludeAssignedTasks());
      if (candidates == null) {
        return Optional.empty();
      }
      branches.add(candidates);
    } else {
      branches.add(new Branch(null, false, null, List.of(), false));
    }
    return Optional.of(new Shape(branches, order));
  }

  /** What the engine's query holds beside its branches, read by the caller. */
  record Shape(List<Branch> branches, List<Order> order) {
  }

  private static boolean asksForCandidates(TaskQueryImpl query) {
    return query.getCandidateUser() != null || query.getCandidateGroupsInternal() != null;
  }

  /** The candidate branch; the engine adds a candidate user's own groups to the groups asked for. */
  private static Branch candidates(TaskQueryImpl query, boolean includeAssigned) {
    List<String> groups = query.getCandidateGroups() == null ? List.of() : List.copyOf(query.getCandidateGroups());
    if (query.getCandidateUser() == null && groups.isEmpty()) {
      return null;
    }
    return new Branch(null, true, query.getCandidateUser(), groups, includeAssigned);
  }

  private static List<Order> order(List<QueryOrderingProperty> properties) {
    List<Order> order = new ArrayList<>();
    for (QueryOrderingProperty property : properties) {
      String column = property.getQueryProperty() == null ? null : ORDER_COLUMNS.get(property.getQueryProperty().getName());
      if (column == null || property.getRelation() != null || property.getDirection() == null) {
        return null;
      }
      order.add(new Order(column, property.getDirection() == Direction.ASCENDING));
    }
    return order;
  }

  private static boolean onlyIn(TaskQueryImpl query, Set<String> allowed) {
    try {
      for (Field field : FIELDS) {
        if (!allowed.contains(field.getName()) && !Objects.deepEquals(unset(field.get(query)), field.get(BLANK))) {
          return false;
        }
      }
      return true;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("the engine's task query cannot be read", e);
    }
  }

  /**
   * An empty array is no criterion: the engine's statement asks every array criterion for a
   * length above zero (filters saved as JSON come back with empty ones).
   */
  private static Object unset(Object value) {
    return value != null && value.getClass().isArray() && Array.getLength(value) == 0 ? null : value;
  }

  private static List<Field> criteriaFields() {
    return Arrays.stream(TaskQueryImpl.class.getDeclaredFields())
        .filter(field -> !Modifier.isStatic(field.getModifiers()) && !NOT_CRITERIA.contains(field.getName()))
        .peek(field -> field.setAccessible(true))
        .toList();
  }
}
