package org.riskmonitor.tasklist;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.expert.ExpertPool;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.input.TextRules;
import org.riskmonitor.notification.Notifier;
import org.riskmonitor.notification.TaskMail;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator gives an open task to someone else, with a reason, recorded with the coordinator's
 * name in the case's audit trail; the new assignee is mailed. Callers check the coordinator role;
 * the change itself runs as the system, so coordinators need no right to reassign every task in
 * the engine (which would also let them claim enterprises' tasks). The task goes only to someone
 * who may do that step of that case ({@link StepPerformers}) and has declared no conflict of
 * interest with its enterprise; the previous assignee loses what the engine granted them with the
 * task, or they could go on reading another company's case.
 */
@Service
public class Reassignment {

  private final TaskService taskService;
  private final IdentityService identityService;
  private final AuditTrail audit;
  private final Notifier notifier;
  private final TaskMail mail;
  private final RuntimeService runtimeService;
  private final AuthorizationService authorizationService;
  private final MonitoringCases cases;
  private final StepPerformers performers;
  private final ExpertPool experts;

  public Reassignment(TaskService taskService, IdentityService identityService, AuditTrail audit, Notifier notifier,
                      TaskMail mail, RuntimeService runtimeService, AuthorizationService authorizationService,
                      MonitoringCases cases, StepPerformers performers, ExpertPool experts) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.audit = audit;
    this.notifier = notifier;
    this.mail = mail;
    this.runtimeService = runtimeService;
    this.authorizationService = authorizationService;
    this.cases = cases;
    this.performers = performers;
    this.experts = experts;
  }

  @Transactional
  public void reassign(String taskId, String assignee, String reason, String coordinatorId) {
    Task task = SystemContext.asSystem(identityService, () -> taskService.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw new FormRefusal("任务不存在或已办结 No such open task: " + taskId);
    }
    if (assignee == null || identityService.createUserQuery().userId(assignee).count() == 0) {
      throw new FormRefusal("办理人 Assignee：不是系统用户 not a user of the system");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new FormRefusal("改派理由 Reason：必填，不超过500个字符 required, at most 500 characters");
    }
    if (TextRules.problem(reason) != null) {
      throw new FormRefusal("改派理由 Reason：" + TextRules.problem(reason));
    }
    String previous = task.getAssignee();
    if (assignee.equals(previous)) {
      throw new FormRefusal("办理人 Assignee：已是该任务的办理人 already has this task");
    }
    MonitoringCase monitoringCase = caseOf(task);
    Set<String> groups = monitoringCase == null ? Set.of() : performers.groups(task, monitoringCase);
    if (!performers.isMember(assignee, groups)) {
      throw new FormRefusal("办理人 Assignee：" + assignee + " 不能办理本案件的这一环节 may not do this step of this case"
          + (groups.isEmpty() ? "" : "（可改派给以下组的成员 members of these groups may: " + String.join(", ", groups) + "）"));
    }
    if (experts.conflicted(assignee, monitoringCase.enterpriseId())) {
      throw new FormRefusal("办理人 Assignee：" + ExpertPool.CONFLICT_REFUSAL);
    }
    SystemContext.asSystem(identityService, () -> {
      taskService.setAssignee(taskId, assignee);
      if (previous != null) {
        revokeTaskGrants(taskId, previous);
      }
      return null;
    });
    Object enterpriseName = SystemContext.asSystem(identityService, () -> taskService.getVariable(taskId, "enterpriseName"));
    String caseNumber = monitoringCase.caseNumber();
    audit.record(monitoringCase.id(), "reassign-task", coordinatorId,
        Map.of("task", task.getTaskDefinitionKey(), "from", previous == null ? "" : previous, "to", assignee,
            "reason", reason.strip()));
    notifier.send(taskId, "REASSIGNED:" + assignee, List.of(assignee),
        mail.subject("改派待办", "Task reassigned to you", task.getName(), caseNumber),
        mail.body("协调员将以下待办改派给您。理由：" + reason.strip(), "A coordinator reassigned this task to you.",
            task.getName(), caseNumber, enterpriseName, task.getDueDate()));
  }

  private MonitoringCase caseOf(Task task) {
    ProcessInstance instance = SystemContext.asSystem(identityService, () -> runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult());
    // the business key is the case number in both processes, and no user can change it
    return instance == null || instance.getBusinessKey() == null ? null : cases.byNumber(instance.getBusinessKey());
  }

  /**
   * What the engine granted the user with the task: as its assignee the task itself
   * (defaultUserPermissionNameForTask, and READ_VARIABLE under enforceSpecificVariablePermission)
   * and its history (enableHistoricInstancePermissions). The engine keeps them when the assignee
   * changes. A group's grants stay: a colleague of the same company still works through them.
   */
  private void revokeTaskGrants(String taskId, String userId) {
    for (Resources resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
      for (Authorization grant : authorizationService.createAuthorizationQuery().userIdIn(userId)
          .resourceType(resource).resourceId(taskId).list()) {
        authorizationService.deleteAuthorization(grant.getId());
      }
    }
  }
}
