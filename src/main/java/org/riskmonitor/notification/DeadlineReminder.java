package org.riskmonitor.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The reminder timer on a task fired: mail its people that the deadline is near. */
@Component("deadlineReminder")
public class DeadlineReminder implements ExecutionListener {

  private final Notifier notifier;
  private final TaskMail mail;

  public DeadlineReminder(Notifier notifier, TaskMail mail) {
    this.notifier = notifier;
    this.mail = mail;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Task task = mail.taskTimedBy(execution);
    if (task == null) {
      return;
    }
    Object caseNumber = execution.getVariable("caseNumber");
    notifier.send(task.getId(), "REMINDER", mail.peopleOf(task),
        mail.subject("即将到期", "Due soon", task.getName(), caseNumber),
        mail.body("以下待办即将到期，请及时办理。", "This task is due soon.", task.getName(), caseNumber,
            execution.getVariable("enterpriseName"), task.getDueDate()));
  }
}
