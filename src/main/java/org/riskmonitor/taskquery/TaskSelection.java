package org.riskmonitor.taskquery;

import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * A task query of a shape our mapping answers, with the values the engine resolved: one or two
 * branches (an assignee, or unassigned candidate tasks; two when a filter asks for either), the
 * criteria every branch shares, whose grants make a task visible, and the order and page.
 *
 * @param grantCheck whether a task must carry a grant to the user or its groups (or belong to a
 *     definition in {@code definitionKeys}); false when the user may read every task
 * @param caseTasks whether tasks of CMMN cases may exist, which the engine never checks
 * @param offers whether the database keeps the open tasks' offers (RM_TASK_OFFER, MySQL and MariaDB)
 */
record TaskSelection(List<Branch> branches, String assignee, Integer suspensionState, Date dueBefore, Date dueAfter,
                     boolean tenantCheck, List<String> tenantIds, boolean grantCheck, boolean caseTasks, boolean offers,
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

  /**
   * A branch as offers: the tasks of {@code kind} ({@code A} assignee, {@code U} candidate user,
   * {@code G} candidate group) offered to one of {@code grantees}, unassigned unless
   * {@code includeAssigned}; with {@code alsoOfferedToGroups}, only those also offered to one of
   * those groups; with {@code assigned} (0 or 1), only the unassigned or only the assigned ones.
   */
  record Offer(String kind, List<String> grantees, boolean includeAssigned, List<String> alsoOfferedToGroups,
               Integer assigned) {

    /**
     * The lists each read in order from one range of the offers' index: one per grantee, and where
     * assigned tasks are included, the unassigned and the assigned apart.
     */
    List<Offer> listedApart() {
      List<Integer> states = !"A".equals(kind) && includeAssigned ? List.of(0, 1) : Collections.singletonList(null);
      return grantees.stream().flatMap(grantee -> states.stream()
          .map(state -> new Offer(kind, List.of(grantee), includeAssigned, alsoOfferedToGroups, state))).toList();
    }

    /** Each task has one offer per kind and grantee: a count over one grantee needs no DISTINCT. */
    boolean oneRowPerTask() {
      return grantees.size() == 1 && alsoOfferedToGroups.isEmpty();
    }
  }

  /**
   * The branch as offers, where the offers answer it: one kind of offer, without a second
   * assignee condition beside it; empty where the engine's tables must. A branch naming a
   * candidate user and groups stands, here as in the mapper's statements, for the tasks offered to
   * both: the overlap that {@link TasklistTaskManager} subtracts from its count.
   */
  Optional<Offer> offerOf(Branch branch) {
    if (!offers || caseTasks) {
      return Optional.empty();
    }
    if (!branch.candidates()) {
      if ((branch.assignee() == null) == (assignee == null)) {
        return Optional.empty();
      }
      return Optional.of(new Offer("A", List.of(branch.assignee() != null ? branch.assignee() : assignee), true,
          List.of(), null));
    }
    if (branch.assignee() != null || assignee != null) {
      return Optional.empty();
    }
    if (branch.candidateUser() == null) {
      return Optional.of(new Offer("G", branch.candidateGroups(), branch.includeAssigned(), List.of(), null));
    }
    return Optional.of(new Offer("U", List.of(branch.candidateUser()), branch.includeAssigned(),
        branch.candidateGroups(), null));
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

  /**
   * Whether offers are first read with their own grants only, and the whole check only where an
   * offer read lacks its own grant. In the data of every role, each offer's user or group holds a
   * READ grant on its task: leaving the grant look-up out of the statement spares the database
   * preparing it for every range, empty ones too (0.04 ms a look-up on MariaDB). Not where a grant
   * on definitions shows tasks whose offers hold no grant of their own: there the first reading
   * would mostly be wasted.
   */
  boolean ownGrantsFirst() {
    return grantCheck && definitionKeys.isEmpty();
  }

  boolean unbounded() {
    return maxResults == Integer.MAX_VALUE;
  }
}
