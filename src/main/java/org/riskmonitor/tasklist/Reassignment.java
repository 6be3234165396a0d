package org.riskmonitor.tasklist;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.form.FormRefusal;
import org.riskmonitor.form.TextRules;
import org.riskmonitor.notification.Notifier;
import org.riskmonitor.notification.TaskMail;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator gives an open task to someone else, with a reason, recorded with the coordinator's
 * name in the case's audit trail; the new assignee is mailed. Callers check the coordinator role;
 * the change itself runs as the system, so coordinators need no right to reassign every task in
 * the engine (which would also let them claim enterprises' tasks).
 */
@Service
public class Reassignment {

  private final TaskService taskService;
  private final IdentityService identityService;
  private final AuditTrail audit;
  private final Notifier notifier;
  private final TaskMail mail;

  public Reassignment(TaskService taskService, IdentityService identityService, AuditTrail audit, Notifier notifier,
                      TaskMail mail) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.audit = audit;
    this.notifier = notifier;
    this.mail = mail;
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
    SystemContext.asSystem(identityService, () -> {
      taskService.setAssignee(taskId, assignee);
      return null;
    });
    Map<String, Object> variables = SystemContext.asSystem(identityService,
        () -> taskService.getVariables(taskId, List.of("caseId", "caseNumber", "enterpriseName")));
    Object caseId = variables.get("caseId");
    Object caseNumber = variables.get("caseNumber");
    audit.record(caseId instanceof Number n ? n.longValue() : null, "reassign-task", coordinatorId,
        Map.of("task", task.getTaskDefinitionKey(), "from", previous == null ? "" : previous, "to", assignee,
            "reason", reason.strip()));
    notifier.send(taskId, "REASSIGNED:" + assignee, List.of(assignee),
        mail.subject("改派待办", "Task reassigned to you", task.getName(), caseNumber),
        mail.body("协调员将以下待办改派给您。理由：" + reason.strip(), "A coordinator reassigned this task to you.",
            task.getName(), caseNumber, variables.get("enterpriseName"), task.getDueDate()));
  }
}
