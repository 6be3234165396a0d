package org.riskmonitor.laboratory;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Component;

/**
 * Which way a lab test runs, decided when it starts: in Tasklist, or in the lab's own LIMS.
 * A LIMS fetches, locks and completes external tasks with its technical user, whom the engine lets
 * at a task only with READ and UPDATE on its process instance; so this lab test's instance, and
 * no other, is opened to the lab's group for as long as it runs. The grant is removed when it ends.
 */
@Component("labSystem")
public class LabSystem implements ExecutionListener {

  private final LabMapper mapper;
  private final AuthorizationService authorizationService;
  private final IdentityService identityService;

  public LabSystem(LabMapper mapper, AuthorizationService authorizationService, IdentityService identityService) {
    this.mapper = mapper;
    this.authorizationService = authorizationService;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (EVENTNAME_START.equals(execution.getEventName())) {
      Lab lab = mapper.findById(((Number) execution.getVariable("testLabId")).longValue());
      execution.setVariable("testLabOnLims", lab.limsConnected());
      if (lab.limsConnected()) {
        SystemContext.asSystem(identityService, () -> grant(lab.groupId(), execution.getProcessInstanceId()));
      }
    } else if (EVENTNAME_END.equals(execution.getEventName())) {
      SystemContext.asSystem(identityService, () -> revoke(execution.getProcessInstanceId()));
    }
  }

  private Authorization grant(String labGroup, String processInstanceId) {
    Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(labGroup);
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(processInstanceId);
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.UPDATE);
    return authorizationService.saveAuthorization(grant);
  }

  private int revoke(String processInstanceId) {
    var grants = authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId).list();
    grants.forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
    return grants.size();
  }
}
