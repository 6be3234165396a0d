package org.riskmonitor.taskquery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.riskmonitor.taskquery.TaskSelection.Branch;
import org.riskmonitor.taskquery.TaskSelection.Offer;
import org.riskmonitor.taskquery.TaskSelection.Order;
import org.riskmonitor.taskquery.TasklistTaskMapper.ListedOffer;
import org.riskmonitor.taskquery.TasklistTaskMapper.ListedTask;
import org.riskmonitor.taskquery.TasklistTaskMapper.OfferCount;

/**
 * The engine's task manager (one per command) answering the task queries of Tasklist's filters
 * through {@link TasklistTaskMapper} (engine internals, Camunda 7.24; installed by
 * {@link TasklistQueryPlugin}). The engine's statement puts "assigned to me or a candidate" and
 * the per-row authorization check in one WHERE clause that no index serves; ours asks each branch
 * on its own, checks a grant with one index look-up, and merges the branches in list order. The
 * tasks of the page are then loaded by id through the engine, so callers get the engine's own
 * entities. Queries of any other shape, and users against whom a revoke exists, go to the
 * engine's statement unchanged.
 */
class TasklistTaskManager extends TaskManager {

  private final TasklistTaskMapper mapper;
  private final TaskQueryMapping mapping;

  TasklistTaskManager(TasklistTaskMapper mapper, TaskQueryMapping mapping) {
    this.mapper = mapper;
    this.mapping = mapping;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    Optional<TaskSelection> selection = selectionOf(query);
    if (selection.isEmpty()) {
      return getDbEntityManager().selectList("selectTaskByQueryCriteria", query);
    }
    mapping.countOwnQuery();
    return loaded(page(selection.get()));
  }

  @Override
  public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    Optional<TaskSelection> selection = selectionOf(query);
    if (selection.isEmpty()) {
      return (Long) getDbEntityManager().selectOne("selectTaskCountByQueryCriteria", query);
    }
    mapping.countOwnQuery();
    return counted(selection.get());
  }

  /**
   * The branches never share a task: one asks for an assignee, the other for none. A branch offered
   * to the user and its groups counts those offered to each, less those offered to both. What the
   * offers answer is counted in one statement; where several groups hold a branch's tasks (a task
   * may be offered to two), that branch is counted again, each task once.
   */
  private long counted(TaskSelection selection) {
    List<Term> terms = new ArrayList<>();
    List<Offer> offers = new ArrayList<>();
    for (Branch branch : selection.branches()) {
      List<Branch> parts = parts(branch);
      parts.forEach(part -> terms.add(Term.of(selection, part, 1, offers)));
      if (parts.size() > 1) {
        terms.add(Term.of(selection, branch, -1, offers));
      }
    }
    Map<Integer, List<Long>> perGrantee = offers.isEmpty() ? Map.of()
        : offersCountedTogether(selection, offers).stream().collect(Collectors.groupingBy(
            OfferCount::position, Collectors.mapping(OfferCount::counted, Collectors.toList())));
    long count = 0;
    for (Term term : terms) {
      List<Long> grantees = perGrantee.getOrDefault(term.offerPosition(), List.of());
      long counted = term.offerPosition() < 0 ? mapper.counted(selection, term.branch())
          : grantees.size() <= 1 ? grantees.stream().mapToLong(Long::longValue).sum()
          : mapper.offersCounted(selection, offers.get(term.offerPosition()));
      count += term.sign() * counted;
    }
    return count;
  }

  /**
   * The offers' counts per grantee; first without looking up grants beyond the offers' own, where
   * that can settle them ({@link TaskSelection#ownGrantsFirst}), again with the whole check where
   * any offer counted lacks its own grant.
   */
  private List<OfferCount> offersCountedTogether(TaskSelection selection, List<Offer> offers) {
    if (selection.ownGrantsFirst()) {
      List<OfferCount> counts = mapper.offersCountedTogether(selection, offers, true);
      if (counts.stream().allMatch(count -> count.withoutOwnGrant() == 0)) {
        return counts;
      }
    }
    return mapper.offersCountedTogether(selection, offers, false);
  }

  /** A branch added to or taken from a count, and its offer's place among the offers counted together (-1: none). */
  private record Term(Branch branch, int sign, int offerPosition) {

    static Term of(TaskSelection selection, Branch branch, int sign, List<Offer> offers) {
      Optional<Offer> offer = selection.offerOf(branch);
      offer.ifPresent(offers::add);
      return new Term(branch, sign, offer.isPresent() ? offers.size() - 1 : -1);
    }
  }

  /**
   * A branch offered to a user or its groups, as one branch per candidate: each is a semi-join on
   * one index, where their OR would read every candidate link.
   */
  private static List<Branch> parts(Branch branch) {
    if (!branch.candidates() || branch.candidateUser() == null || branch.candidateGroups().isEmpty()) {
      return List.of(branch);
    }
    return List.of(new Branch(branch.assignee(), true, branch.candidateUser(), List.of(), branch.includeAssigned()),
        new Branch(branch.assignee(), true, null, branch.candidateGroups(), branch.includeAssigned()));
  }

  private Optional<TaskSelection> selectionOf(TaskQueryImpl query) {
    if (!mapping.isEnabled()) {
      return Optional.empty();
    }
    Optional<TaskQueryShape.Shape> shape = TaskQueryShape.of(query);
    if (shape.isEmpty()) {
      return Optional.empty();
    }
    AuthorizationCheck check = query.getAuthCheck();
    boolean grantCheck = check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null;
    List<String> definitionKeys = List.of();
    if (grantCheck) {
      if (!isTheEnginesTaskCheck(check)) {
        return Optional.empty();
      }
      UserGrants grants = ((GrantAwareAuthorizationManager) getAuthorizationManager()).grantsOf(check);
      if (grants.restricts(Resources.TASK.resourceType()) || grants.restricts(Resources.PROCESS_DEFINITION.resourceType())) {
        return Optional.empty();
      }
      definitionKeys = grants.definitionKeysGranting(Resources.PROCESS_DEFINITION.resourceType(),
          ProcessDefinitionPermissions.READ_TASK.getValue());
    }
    return Optional.of(new TaskSelection(shape.get().branches(), query.getAssignee(),
        query.getSuspensionState() == null ? null : query.getSuspensionState().getStateCode(),
        query.getDueBefore(), query.getDueAfter(), query.getTenantCheck().isTenantCheckEnabled(),
        query.getTenantCheck().getAuthTenantIds() == null ? List.of() : query.getTenantCheck().getAuthTenantIds(),
        grantCheck, Context.getProcessEngineConfiguration().isCmmnEnabled(), keepsOffers(), check.getAuthUserId(),
        check.getAuthGroupIds() == null ? List.of() : check.getAuthGroupIds(),
        definitionKeys, Permissions.READ.getValue(), shape.get().order(), query.getFirstResult(), query.getMaxResults()));
  }

  /** MySQL and MariaDB keep the offers (db/engine-indexes-mysql, V4); the engine names either database so. */
  private static boolean keepsOffers() {
    String type = Context.getProcessEngineConfiguration().getDatabaseType();
    return "mysql".equals(type) || "mariadb".equals(type);
  }

  /** The check {@code configureTaskQuery} builds: READ on the task, or READ_TASK on its definition. */
  private static boolean isTheEnginesTaskCheck(AuthorizationCheck check) {
    List<PermissionCheck> atoms = check.getPermissionChecks().getAtomicChecks();
    return check.getPermissionChecks().isDisjunctive() && check.getPermissionChecks().getCompositeChecks().isEmpty()
        && atoms.size() == 2
        && atoms.get(0).getResourceType() == Resources.TASK.resourceType()
        && atoms.get(0).getPerms() == Permissions.READ.getValue()
        && atoms.get(1).getResourceType() == Resources.PROCESS_DEFINITION.resourceType()
        && atoms.get(1).getPerms() == ProcessDefinitionPermissions.READ_TASK.getValue();
  }

  /** The ids of the page: each branch's first tasks up to the page's end, merged in list order. */
  private List<String> page(TaskSelection selection) {
    Integer limit = selection.unbounded() ? null
        : (int) Math.min(Integer.MAX_VALUE, (long) selection.firstResult() + selection.maxResults());
    List<ListedTask> merged = new ArrayList<>();
    List<Offer> offers = new ArrayList<>();
    int lists = 0;
    for (Branch branch : selection.branches()) {
      for (Branch part : parts(branch)) {
        Optional<Offer> offer = selection.offerOf(part);
        if (offer.isEmpty()) {
          merged.addAll(mapper.listed(selection, part, limit));
          lists++;
          continue;
        }
        offers.addAll(offer.get().listedApart());
      }
    }
    if (!offers.isEmpty()) {
      // every offer's list in one statement
      merged.addAll(offersListedTogether(selection, offers, limit));
      lists += offers.size();
    }
    if (lists > 1) {
      merged.sort(listOrder(selection));
    }
    // a task offered to the user and to its group comes from both lists, side by side once sorted
    return merged.stream().map(ListedTask::id).distinct().skip(selection.firstResult()).limit(selection.maxResults())
        .toList();
  }

  /**
   * Each offer's first tasks. Read first without looking up grants beyond the offers' own where
   * that can settle them ({@link TaskSelection#ownGrantsFirst}): where every task read has its
   * offer's own grant, each offer's first tasks are its first visible ones. Otherwise read again
   * with the whole check.
   */
  private List<ListedTask> offersListedTogether(TaskSelection selection, List<Offer> offers, Integer limit) {
    if (selection.ownGrantsFirst()) {
      List<ListedOffer> listed = mapper.offersListedTogether(selection, offers, limit, true);
      if (listed.stream().noneMatch(ListedOffer::withoutOwnGrant)) {
        return listed.stream().map(ListedOffer::task).toList();
      }
    }
    return mapper.offersListedTogether(selection, offers, limit, false).stream().map(ListedOffer::task).toList();
  }

  /** The database's order: nulls first when ascending and last when descending, then the id. */
  private static Comparator<ListedTask> listOrder(TaskSelection selection) {
    Comparator<ListedTask> order = (a, b) -> 0;
    for (Order column : selection.orderBy()) {
      Function<ListedTask, Date> value = "DUE_DATE_".equals(column.column()) ? ListedTask::dueDate : ListedTask::createTime;
      Comparator<Date> dates = column.ascending() ? Comparator.nullsFirst(Comparator.<Date>naturalOrder())
          : Comparator.nullsLast(Comparator.<Date>reverseOrder());
      order = order.thenComparing(value, dates);
    }
    return order.thenComparing(ListedTask::id, selection.idsAscending() ? Comparator.naturalOrder()
        : Comparator.reverseOrder());
  }

  /** The engine's entities of these tasks, in this order, read without a second check. */
  @SuppressWarnings("unchecked")
  private List<Task> loaded(List<String> ids) {
    if (ids.isEmpty()) {
      return new ArrayList<>();
    }
    Map<String, Task> tasks = ((List<Task>) getDbEntityManager().selectList(TasklistQueryPlugin.TASKS_BY_ID, ids))
        .stream().collect(Collectors.toMap(Task::getId, Function.identity()));
    return ids.stream().map(tasks::get).filter(Objects::nonNull).collect(Collectors.toCollection(ArrayList::new));
  }
}
