package org.riskmonitor.notification;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.security.Roles;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Component;

/**
 * The escalation timer on an overdue task fired: the first time the task is put in the
 * coordinators' list, the second time in the managers', and they are mailed.
 */
@Component("deadlineEscalation")
public class DeadlineEscalation implements ExecutionListener {

  private final Notifier notifier;
  private final TaskMail mail;
  private final TaskService taskService;
  private final AuditTrail audit;

  public DeadlineEscalation(Notifier notifier, TaskMail mail, TaskService taskService, AuditTrail audit) {
    this.notifier = notifier;
    this.mail = mail;
    this.taskService = taskService;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Task task = mail.taskTimedBy(execution);
    if (task == null) {
      return;
    }
    int level = Math.min(notifier.escalationsSoFar(task.getId()) + 1, 2);
    String group = level == 1 ? Roles.COORDINATORS : Roles.MANAGERS;
    SystemContext.withoutAuthorization(() -> {
      taskService.addCandidateGroup(task.getId(), group);
      return null;
    });
    Object caseNumber = execution.getVariable("caseNumber");
    notifier.send(task.getId(), "ESCALATION_" + level, mail.members(group),
        mail.subject("逾期督办", "Overdue, escalated", task.getName(), caseNumber),
        mail.body("以下待办已逾期，已转交您督办。", "This task is overdue and has been escalated to you.", task.getName(),
            caseNumber, execution.getVariable("enterpriseName"), task.getDueDate()));
    Object caseId = execution.getVariable("caseId");
    audit.record(caseId instanceof Number n ? n.longValue() : null, "escalation", CurrentUser.SYSTEM,
        Map.of("task", task.getTaskDefinitionKey(), "level", level, "group", group));
  }
}
