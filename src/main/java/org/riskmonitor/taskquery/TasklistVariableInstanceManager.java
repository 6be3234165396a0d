package org.riskmonitor.taskquery;

import static java.util.stream.Collectors.toCollection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * The engine's variable manager (Camunda 7.24, installed by {@link TasklistQueryPlugin}) with one
 * shortcut for the case columns Tasklist asks for with every page: named variables of the page's
 * tasks, executions and process instances. An enterprise, a lab, a sampler or an expert reads
 * variables only by its grants on one task (see {@link GrantAwareAuthorizationManager#taskPermissionDecidingEveryRow});
 * the engine decides that per row in a statement of 6,500 characters. Here the rows are read
 * without that check and kept where a grant of the user or its groups on the row's task holds
 * the permission: the same rows. Only for unpaged queries of at most {@value #MOST_SCOPES} scopes
 * and {@value #MOST_NAMES} names, so that what is read and then left out stays small whoever asks.
 */
class TasklistVariableInstanceManager extends VariableInstanceManager {

  static final int MOST_SCOPES = 250;
  static final int MOST_NAMES = 20;
  private static final String SELECT = "selectVariableInstanceByQueryCriteria";

  private final TasklistTaskMapper mapper;
  private final TaskQueryMapping mapping;

  TasklistVariableInstanceManager(TasklistTaskMapper mapper, TaskQueryMapping mapping) {
    this.mapper = mapper;
    this.mapping = mapping;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<VariableInstance> findVariableInstanceByQueryCriteria(VariableInstanceQueryImpl query, Page page) {
    configureQuery(query);
    AuthorizationCheck check = query.getAuthCheck();
    OptionalInt taskPermission = mapping.isEnabled() && page == null && bounded(query)
        && check.getShouldPerformAuthorizatioCheck() && getAuthorizationManager() instanceof GrantAwareAuthorizationManager grants
        ? grants.taskPermissionDecidingEveryRow(check) : OptionalInt.empty();
    if (taskPermission.isEmpty()) {
      return getDbEntityManager().selectList(SELECT, query, page);
    }
    check.setAuthorizationCheckEnabled(false);
    List<VariableInstance> rows = getDbEntityManager().selectList(SELECT, query, null);
    Set<String> tasks = rows.stream().map(VariableInstance::getTaskId).filter(Objects::nonNull).collect(toCollection(HashSet::new));
    Set<String> granted = tasks.isEmpty() ? Set.of() : grantedTasks(check, tasks, taskPermission.getAsInt());
    mapping.countOwnQuery();
    return rows.stream().filter(row -> row.getTaskId() != null && granted.contains(row.getTaskId()))
        .collect(toCollection(ArrayList::new));
  }

  private Set<String> grantedTasks(AuthorizationCheck check, Set<String> tasks, int permission) {
    List<String> groups = check.getAuthGroupIds() == null ? List.of() : check.getAuthGroupIds();
    return mapper.grantsOnTasks(check.getAuthUserId(), groups, tasks, Resources.TASK.resourceType()).stream()
        .filter(grant -> (grant.permissions() & permission) == permission).map(TasklistTaskMapper.TaskGrant::taskId)
        .collect(toCollection(HashSet::new));
  }

  private static boolean bounded(VariableInstanceQueryImpl query) {
    String[] scopes = query.getVariableScopeIds();
    String[] names = query.getVariableNames();
    return scopes != null && scopes.length > 0 && scopes.length <= MOST_SCOPES
        && names != null && names.length > 0 && names.length <= MOST_NAMES;
  }
}
