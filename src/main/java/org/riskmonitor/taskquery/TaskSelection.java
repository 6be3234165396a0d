package org.riskmonitor.taskquery;

import java.util.Date;
import java.util.List;

/**
 * A task query of a shape our mapping answers, with the values the engine resolved: one or two
 * branches (an assignee, or unassigned candidate tasks; two when a filter asks for either), the
 * criteria every branch shares, whose grants make a task visible, and the order and page.
 *
 * @param grantCheck whether a task must carry a grant to the user or its groups (or belong to a
 *     definition in {@code definitionKeys}); false when the user may read every task
 * @param caseTasks whether tasks of CMMN cases may exist, which the engine never checks
 */
record TaskSelection(List<Branch> branches, String assignee, Integer suspensionState, Date dueBefore, Date dueAfter,
                     boolean tenantCheck, List<String> tenantIds, boolean grantCheck, boolean caseTasks,
                     String authUserId, List<String> authGroupIds, List<String> definitionKeys, int permission,
                     List<Order> orderBy, int firstResult, int maxResults) {

  /**
   * One set of tasks: assigned to {@code assignee}, or (when {@code candidates}) with a candidate
   * link to {@code candidateUser} or one of {@code candidateGroups}, unassigned unless
   * {@code includeAssigned}.
   */
  record Branch(String assignee, boolean candidates, String candidateUser, List<String> candidateGroups,
                boolean includeAssigned) {

    /** Offered to the user alone or to groups alone: its tasks are found through those links. */
    boolean linkDriven() {
      return candidates && (candidateUser == null) != candidateGroups.isEmpty();
    }
  }

  /** A column of ACT_RU_TASK and its direction; the column comes from a fixed list, never from input. */
  record Order(String column, boolean ascending) {
  }

  /**
   * Tasks that tie on every column are listed by id in the first column's direction: the order in
   * which the database reads an index on those columns, forwards or backwards, so the page can be
   * read from an index without sorting.
   */
  boolean idsAscending() {
    return orderBy.isEmpty() || orderBy.get(0).ascending();
  }

  boolean unbounded() {
    return maxResults == Integer.MAX_VALUE;
  }
}
