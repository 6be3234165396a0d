package org.riskmonitor.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and what each may do, at every start (idempotent), in every profile.
 * Work on a task is granted by the engine to its candidate group or assignee (TASK_WORK and
 * READ_VARIABLE); this adds the rest: which web apps, which definitions, and for the
 * regulator's coordinators and managers, reading every case. Nobody but the admins may change
 * users, groups or authorizations; managers change nothing beyond the tasks they approve.
 */
@Component
public class RoleAuthorizations {

  public static final List<String> PROCESSES = List.of("risk-case", "lab-test", "catalogue-proposal", "catalogue-round",
      "monitoring-plan", "document-service", "publication", "publication-change", "bulletin");
  /** Processes of the regulator's own work, which enterprises and labs may not see. */
  public static final List<String> STAFF_ONLY = List.of("monitoring-plan", "publication", "publication-change", "bulletin");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public RoleAuthorizations(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @EventListener
  @Order(1)
  public void onDeployed(PostDeployEvent event) {
    for (String role : Roles.ALL) {
      if (identityService.createGroupQuery().groupId(role).count() == 0) {
        Group group = identityService.newGroup(role);
        group.setName(Roles.label(role));
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
      grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      for (String process : PROCESSES) {
        if (STAFF_ONLY.contains(process) && !Roles.ANY_CASE.contains(role)) {
          continue;
        }
        // the definition's name and diagram, shown with every task
        grant(role, Resources.PROCESS_DEFINITION, process, Permissions.READ);
      }
    }
    for (String staff : Roles.REGULATOR) {
      grant(staff, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      for (String process : PROCESSES) {
        grant(staff, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
            ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
      }
      grant(staff, Resources.TASK, Authorization.ANY, TaskPermissions.READ, TaskPermissions.READ_VARIABLE);
      grant(staff, Resources.DECISION_DEFINITION, "risk-level", Permissions.READ, Permissions.READ_HISTORY);
      grant(staff, Resources.USER, Authorization.ANY, Permissions.READ);
      grant(staff, Resources.GROUP, Authorization.ANY, Permissions.READ);
    }
    grant(Roles.COORDINATORS, Resources.PROCESS_DEFINITION, "risk-case", ProcessDefinitionPermissions.CREATE_INSTANCE);
    // the year's catalogue round: opened by a coordinator; its steps go to their candidate groups
    grant(Roles.COORDINATORS, Resources.PROCESS_DEFINITION, "catalogue-round", ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Roles.COORDINATORS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    // coordinators draft the yearly plan; experts review and managers approve it as their tasks
    grant(Roles.COORDINATORS, Resources.PROCESS_DEFINITION, "monitoring-plan", ProcessDefinitionPermissions.CREATE_INSTANCE);
    // a bulletin on a hot product kind is started by a coordinator or a manager
    for (String staff : Roles.REGULATOR) {
      grant(staff, Resources.PROCESS_DEFINITION, "bulletin", ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(staff, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
  }

  /**
   * Adds the permissions to the group's grant on the resource, creating the grant if needed. A
   * grant that has them all already is left alone: nodes of a cluster starting at the same time
   * would otherwise each update every grant, and all but one fail to start on the engine's
   * optimistic lock.
   */
  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
    boolean changed = authorization == null;
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
