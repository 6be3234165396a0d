package org.riskmonitor.notification;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.security.Roles;
import org.springframework.stereotype.Component;

/**
 * The escalation timer of an overdue task fired (a repeating timeout listener on the task): the
 * first time the task is put in the coordinators' list, the second time in the managers', and
 * they are mailed.
 */
@Component("deadlineEscalation")
public class DeadlineEscalation implements TaskListener {

  private final Notifier notifier;
  private final TaskMail mail;
  private final AuditTrail audit;

  public DeadlineEscalation(Notifier notifier, TaskMail mail, AuditTrail audit) {
    this.notifier = notifier;
    this.mail = mail;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    int level = Math.min(notifier.escalationsSoFar(task.getId()) + 1, 2);
    String group = level == 1 ? Roles.COORDINATORS : Roles.MANAGERS;
    task.addCandidateGroup(group);
    Object number = mail.numberOf(task);
    notifier.send(task.getId(), "ESCALATION_" + level, mail.members(group),
        mail.subject("逾期督办", "Overdue, escalated", task.getName(), number),
        mail.body("以下待办已逾期，已转交您督办。", "This task is overdue and has been escalated to you.", task.getName(),
            number, task.getVariable("enterpriseName"), task.getDueDate()));
    Object caseId = task.getVariable("caseId");
    audit.record(caseId instanceof Number n ? n.longValue() : null, "escalation", CurrentUser.SYSTEM,
        Map.of("task", task.getTaskDefinitionKey(), "level", level, "group", group));
  }
}
