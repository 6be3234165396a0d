package org.riskmonitor.taskquery;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;

/**
 * The engine's identity provider where the engine asks for the read-only one (Camunda 7.24,
 * installed by {@link TasklistQueryPlugin}; the engine's own is the same class for both, and a
 * password check through the read-only one writes the lock of a failed login), answering "the
 * groups this user is a member of" from what read-only requests have read. A task query naming a
 * candidate user (our "My tasks") asks it in each of its commands, the list and the count of one
 * page, and with authorization on the engine checks READ on each group row: 0.65 ms against 0.15 ms
 * on the server. The answer depends on the memberships, the groups and the authorizations on
 * groups, all of which advance the authorization version (db/engine-indexes-*, V5 and V6), so it is
 * kept across requests as the authorization reads are ({@link AuthorizationReads#readAcrossRequests}),
 * for the same member, authenticated user, groups and tenants, and authorization settings. Each
 * caller gets groups of its own, copied from what was read. A query with any other criterion is
 * the engine's.
 */
class TasklistIdentityProvider extends DbIdentityServiceProvider {

  /** The potential starter's definition: the one criterion of the engine's group query without a getter. */
  private static final VarHandle POTENTIAL_STARTER;

  static {
    try {
      POTENTIAL_STARTER = MethodHandles.privateLookupIn(GroupQueryImpl.class, MethodHandles.lookup())
          .findVarHandle(GroupQueryImpl.class, "procDefId", String.class);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Camunda's group query has no procDefId: check TasklistIdentityProvider", e);
    }
  }

  private final TaskQueryMapping mapping;
  private final AuthorizationReads reads = AuthorizationReads.forCommand();

  TasklistIdentityProvider(TaskQueryMapping mapping) {
    this.mapping = mapping;
  }

  @Override
  public List<Group> findGroupByQueryCriteria(DbGroupQueryImpl query) {
    if (!mapping.isEnabled() || !onlyTheGroupsOfAMember(query)) {
      return super.findGroupByQueryCriteria(query);
    }
    Authentication authentication = getCurrentAuthentication();
    List<Object> key = List.of("groups of member", query.getUserId(),
        authentication == null ? "" : Objects.toString(authentication.getUserId(), ""),
        authentication == null || authentication.getGroupIds() == null ? Set.of() : Set.copyOf(authentication.getGroupIds()),
        authentication == null || authentication.getTenantIds() == null ? Set.of() : Set.copyOf(authentication.getTenantIds()),
        isAuthorizationEnabled(), Context.getCommandContext().isAuthorizationCheckEnabled(),
        Context.getCommandContext().isTenantCheckEnabled());
    List<GroupRow> groups = reads.readAcrossRequests(key,
        () -> super.findGroupByQueryCriteria(query).stream().map(GroupRow::of).toList());
    return groups.stream().map(GroupRow::entity).collect(Collectors.toCollection(ArrayList::new));
  }

  /** What is kept of a group: the entity's fields, never the entity, which its reader may change. */
  private record GroupRow(String id, String name, String type, int revision) {

    static GroupRow of(Group group) {
      return new GroupRow(group.getId(), group.getName(), group.getType(), ((GroupEntity) group).getRevision());
    }

    Group entity() {
      GroupEntity group = new GroupEntity(id);
      group.setName(name);
      group.setType(type);
      group.setRevision(revision);
      return group;
    }
  }

  private static boolean onlyTheGroupsOfAMember(DbGroupQueryImpl query) {
    return query.getUserId() != null && query.getId() == null && query.getIds() == null && query.getName() == null
        && query.getNameLike() == null && query.getType() == null && query.getTenantId() == null
        && POTENTIAL_STARTER.get(query) == null && query.getOrderingProperties().isEmpty()
        && query.getFirstResult() == 0 && query.getMaxResults() == Integer.MAX_VALUE;
  }
}
