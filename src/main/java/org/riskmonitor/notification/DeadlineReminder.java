package org.riskmonitor.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A task's reminder timer fired (a timeout listener on the task): mail its people that the deadline is near. */
@Component("deadlineReminder")
public class DeadlineReminder implements TaskListener {

  private final Notifier notifier;
  private final TaskMail mail;

  public DeadlineReminder(Notifier notifier, TaskMail mail) {
    this.notifier = notifier;
    this.mail = mail;
  }

  @Override
  public void notify(DelegateTask task) {
    Object number = mail.numberOf(task);
    notifier.send(task.getId(), "REMINDER", mail.peopleOf(task.getAssignee(), task.getCandidates()),
        mail.subject("即将到期", "Due soon", task.getName(), number),
        mail.body("以下待办即将到期，请及时办理。", "This task is due soon.", task.getName(), number,
            task.getVariable("enterpriseName"), task.getDueDate()));
  }
}
