package org.riskmonitor.taskquery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
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

  private final TasklistTaskMapper mapper;
  private final TaskQueryMapping mapping;
  private final Map<List<String>, List<String>> groupsWithAuthorizations = new HashMap<>();
  private final Map<List<Object>, UserGrants> grants = new HashMap<>();

  GrantAwareAuthorizationManager(TasklistTaskMapper mapper, TaskQueryMapping mapping) {
    this.mapper = mapper;
    this.mapping = mapping;
  }

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (!mapping.isEnabled() || authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
    }
    List<String> held = groupsWithAuthorizations.computeIfAbsent(List.copyOf(new HashSet<>(authenticatedGroupIds)),
        groups -> mapper.groupsWithAuthorizations(groups).stream().filter(Objects::nonNull).toList());
    return new ArrayList<>(held);
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

  /** The broad grants of the check's user and groups, read once per command. */
  UserGrants grantsOf(AuthorizationCheck check) {
    List<String> groups = check.getAuthGroupIds() == null ? List.of() : check.getAuthGroupIds();
    return grants.computeIfAbsent(List.of(check.getAuthUserId(), groups), key -> new UserGrants(
        mapper.broadAuthorizations(check.getAuthUserId(), groups, Resources.PROCESS_DEFINITION.resourceType(),
            List.of(Resources.TASK.resourceType(), Resources.PROCESS_INSTANCE.resourceType())),
        new HashSet<>(mapper.restrictedResourceTypes(check.getAuthUserId(), groups, CHECKED_RESOURCE_TYPES))));
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
