package org.riskmonitor.taskquery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager (one per command) with two shortcuts that answer exactly as
 * it does (engine internals, Camunda 7.24; installed by {@link TasklistQueryPlugin}):
 * <ul>
 *   <li>the user's groups that hold any authorization are read for those groups only, where the
 *       engine reads every group of the authorization table in every command;</li>
 *   <li>a task or variable query of a user whom a wildcard grant lets read every such row, with no
 *       revoke in the way (see {@link UserGrants}), runs without the per-row check.</li>
 * </ul>
 */
class GrantAwareAuthorizationManager extends AuthorizationManager {

  static final List<Integer> CHECKED_RESOURCE_TYPES = List.of(Resources.TASK.resourceType(),
      Resources.PROCESS_DEFINITION.resourceType(), Resources.PROCESS_INSTANCE.resourceType());

  /** The resource types of the engine's grants on one task, which do not advance the authorization version. */
  static final Set<Integer> ONE_TASK_RESOURCE_TYPES = Set.of(Resources.TASK.resourceType(),
      Resources.HISTORIC_TASK.resourceType());

  static final int GROUPS_CHECKED_AS_GIVEN = 16;

  private final TasklistTaskMapper mapper;
  private final TaskQueryMapping mapping;
  private final AuthorizationReads reads = AuthorizationReads.forCommand();

  GrantAwareAuthorizationManager(TasklistTaskMapper mapper, TaskQueryMapping mapping) {
    this.mapper = mapper;
    this.mapping = mapping;
  }

  /**
   * The engine leaves out of its checks the user's groups that hold no authorization, reading
   * every group of the authorization table to find them; left in, such a group matches no row and
   * changes no answer. A user of up to {@value #GROUPS_CHECKED_AS_GIVEN} groups (every role of
   * ours) is checked with all of them, unread; a longer list is cut to the groups holding any.
   */
  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (!mapping.isEnabled() || authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
    }
    Set<String> groups = Set.copyOf(authenticatedGroupIds);
    if (groups.size() <= GROUPS_CHECKED_AS_GIVEN) {
      return new ArrayList<>(groups);
    }
    List<String> held = reads.read(List.of("groups holding authorizations", groups),
        () -> mapper.groupsWithAuthorizations(groups).stream().filter(Objects::nonNull).toList());
    return new ArrayList<>(held);
  }

  /** The same check of the same user and groups is answered once (the filter's READ in each command of a page). */
  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
    if (!mapping.isEnabled() || userId == null) {
      return super.isAuthorized(userId, groupIds, check);
    }
    List<Object> key = List.of("authorized", userId, groupsOf(groupIds), keyOf(check));
    Supplier<Boolean> answer = () -> super.isAuthorized(userId, groupIds, check);
    return aboutOneTask(check) ? reads.read(key, answer) : reads.readAcrossRequests(key, answer);
  }

  /** A single check (how the engine checks READ on a filter) reads the table on its own path. */
  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
    if (!mapping.isEnabled() || userId == null || !isAuthorizationEnabled()) {
      return super.isAuthorized(userId, groupIds, check);
    }
    List<Object> key = List.of("authorized once", userId, groupsOf(groupIds), keyOf(check));
    Supplier<Boolean> answer = () -> super.isAuthorized(userId, groupIds, check);
    return ONE_TASK_RESOURCE_TYPES.contains(check.getResourceType()) ? reads.read(key, answer)
        : reads.readAcrossRequests(key, answer);
  }

  /** Whether a grant on one task can change the check's answer: then it is not kept across requests. */
  private static boolean aboutOneTask(CompositePermissionCheck check) {
    return check.getAtomicChecks().stream().anyMatch(atom -> ONE_TASK_RESOURCE_TYPES.contains(atom.getResourceType()))
        || check.getCompositeChecks().stream().anyMatch(GrantAwareAuthorizationManager::aboutOneTask);
  }

  private static Set<String> groupsOf(List<String> groupIds) {
    return groupIds == null ? Set.of() : Set.copyOf(groupIds);
  }

  private static List<Object> keyOf(CompositePermissionCheck check) {
    List<Object> atoms = check.getAtomicChecks().stream().<Object>map(GrantAwareAuthorizationManager::keyOf).toList();
    List<Object> composites = check.getCompositeChecks().stream().<Object>map(GrantAwareAuthorizationManager::keyOf)
        .toList();
    return List.of(check.isDisjunctive(), atoms, composites);
  }

  private static List<Object> keyOf(PermissionCheck atom) {
    return List.of(atom.getResourceType(), Objects.toString(atom.getResourceId(), ""), atom.getPerms(),
        atom.getPermission() == null ? "" : atom.getPermission().getName(),
        Objects.toString(atom.getAuthorizationNotFoundReturnValue(), ""));
  }

  @Override
  public void insert(DbEntity authorization) {
    reads.authorizationWritten();
    super.insert(authorization);
  }

  @Override
  public void update(AuthorizationEntity authorization) {
    reads.authorizationWritten();
    super.update(authorization);
  }

  @Override
  public void delete(DbEntity authorization) {
    reads.authorizationWritten();
    super.delete(authorization);
  }

  @Override
  public void deleteAuthorizationsByResourceId(Resource resource, String resourceId) {
    reads.authorizationWritten();
    super.deleteAuthorizationsByResourceId(resource, resourceId);
  }

  @Override
  public void deleteAuthorizationsByResourceIds(Resources resource, List<String> resourceIds) {
    reads.authorizationWritten();
    super.deleteAuthorizationsByResourceIds(resource, resourceIds);
  }

  @Override
  public void deleteAuthorizationsByResourceIdAndUserId(Resource resource, String resourceId, String userId) {
    reads.authorizationWritten();
    super.deleteAuthorizationsByResourceIdAndUserId(resource, resourceId, userId);
  }

  @Override
  public void deleteAuthorizationsByResourceIdAndGroupId(Resource resource, String resourceId, String groupId) {
    reads.authorizationWritten();
    super.deleteAuthorizationsByResourceIdAndGroupId(resource, resourceId, groupId);
  }

  @Override
  public void configureTaskQuery(TaskQueryImpl query) {
    super.configureTaskQuery(query);
    skipCheckWhereEveryRowIsGranted(query.getAuthCheck());
  }

  @Override
  protected void configureVariableInstanceQuery(VariableInstanceQueryImpl query) {
    super.configureVariableInstanceQuery(query);
    skipCheckWhereEveryRowIsGranted(query.getAuthCheck());
  }

  /**
   * The broad grants of the check's user and groups, read once per command or read-only request,
   * and kept across read-only requests: neither they nor the revokes depend on grants on one task.
   */
  UserGrants grantsOf(AuthorizationCheck check) {
    List<String> groups = check.getAuthGroupIds() == null ? List.of() : check.getAuthGroupIds();
    return reads.readAcrossRequests(List.of("broad grants", check.getAuthUserId(), Set.copyOf(groups)),
        () -> new UserGrants(List.copyOf(mapper.broadAuthorizations(check.getAuthUserId(), groups,
            Resources.PROCESS_DEFINITION.resourceType(),
            List.of(Resources.TASK.resourceType(), Resources.PROCESS_INSTANCE.resourceType()))),
            Set.copyOf(mapper.restrictedResourceTypes(check.getAuthUserId(), groups, CHECKED_RESOURCE_TYPES))));
  }

  /**
   * The permission that a grant on a row's task must hold for the row to be read, where nothing
   * else can decide it: the check is a disjunction of a task and a definition check (the engine's
   * variable check), no revoke of the user or its groups and no authorization for everyone exist on
   * either type, and no grant on a definition or on every task holds its permission. Then the engine's
   * precedence answers "granted" exactly where a grant of the user or a group names the row's task.
   */
  OptionalInt taskPermissionDecidingEveryRow(AuthorizationCheck check) {
    if (!mapping.isEnabled() || !check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null) {
      return OptionalInt.empty();
    }
    CompositePermissionCheck composite = check.getPermissionChecks();
    if (!composite.isDisjunctive() || !composite.getCompositeChecks().isEmpty()) {
      return OptionalInt.empty();
    }
    UserGrants userGrants = grantsOf(check);
    OptionalInt taskPermission = OptionalInt.empty();
    for (PermissionCheck atom : composite.getAtomicChecks()) {
      int type = atom.getResourceType();
      if (userGrants.restricts(type) || userGrants.grantsEvery(type, atom.getPerms())) {
        return OptionalInt.empty();
      }
      if (type == Resources.TASK.resourceType() && taskPermission.isEmpty()) {
        taskPermission = OptionalInt.of(atom.getPerms());
      } else if (type != Resources.PROCESS_DEFINITION.resourceType()
          || !userGrants.definitionKeysGranting(type, atom.getPerms()).isEmpty()) {
        return OptionalInt.empty();
      }
    }
    return taskPermission;
  }

  /**
   * The engine takes the first check of a disjunction that finds an authorization; when no check
   * can find a revoke and one of them finds a wildcard grant, every row passes.
   */
  private void skipCheckWhereEveryRowIsGranted(AuthorizationCheck check) {
    if (!mapping.isEnabled() || !check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null) {
      return;
    }
    CompositePermissionCheck composite = check.getPermissionChecks();
    if (!composite.isDisjunctive() || !composite.getCompositeChecks().isEmpty()) {
      return;
    }
    List<PermissionCheck> atoms = composite.getAtomicChecks();
    if (atoms.stream().anyMatch(atom -> !CHECKED_RESOURCE_TYPES.contains(atom.getResourceType()))) {
      return;
    }
    UserGrants userGrants = grantsOf(check);
    if (atoms.stream().noneMatch(atom -> userGrants.restricts(atom.getResourceType()))
        && atoms.stream().anyMatch(atom -> userGrants.grantsEvery(atom.getResourceType(), atom.getPerms()))) {
      check.setAuthorizationCheckEnabled(false);
    }
  }
}
