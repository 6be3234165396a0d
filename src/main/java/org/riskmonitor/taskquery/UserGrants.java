package org.riskmonitor.taskquery;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Set;
import org.riskmonitor.taskquery.TasklistTaskMapper.BroadAuthorization;

/**
 * What a user's broad authorizations settle for a whole kind of resource. The engine decides each
 * row by precedence (user before group before everyone, the resource before the wildcard, a grant
 * before a revoke); where no revoke of the user or its groups and no authorization for everyone
 * exists on a resource type, that precedence can only ever answer "granted" or "not found", so a
 * wildcard grant grants every row and otherwise a row is readable exactly when a grant names it.
 */
record UserGrants(List<BroadAuthorization> broad, Set<Integer> restrictedResourceTypes) {

  boolean restricts(int resourceType) {
    return restrictedResourceTypes.contains(resourceType);
  }

  /** Every resource of the type, for the permission, whatever the row: a wildcard grant and nothing against it. */
  boolean grantsEvery(int resourceType, int permission) {
    return !restricts(resourceType) && broad.stream().anyMatch(a -> a.type() == AUTH_TYPE_GRANT
        && a.resourceType() == resourceType && ANY.equals(a.resourceId()) && holds(a, permission));
  }

  /** The definitions (by key) on which a grant gives the permission. */
  List<String> definitionKeysGranting(int definitionResourceType, int permission) {
    return broad.stream().filter(a -> a.type() == AUTH_TYPE_GRANT && a.resourceType() == definitionResourceType
        && !ANY.equals(a.resourceId()) && holds(a, permission)).map(BroadAuthorization::resourceId).distinct().toList();
  }

  private static boolean holds(BroadAuthorization authorization, int permission) {
    return (authorization.permissions() & permission) == permission;
  }
}
