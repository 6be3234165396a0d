package org.riskmonitor.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.riskmonitor.taskcreation.TaskCreation;
import org.springframework.stereotype.Component;

/** Mail to the person or organisation a new task is given to. */
@Component
public class AssignmentNotice implements TaskCreation {

  private final Notifier notifier;
  private final TaskMail mail;

  public AssignmentNotice(Notifier notifier, TaskMail mail) {
    this.notifier = notifier;
    this.mail = mail;
  }

  @Override
  public void notify(DelegateTask task) {
    Object caseNumber = task.getVariable("caseNumber");
    notifier.send(task.getId(), "ASSIGNED", mail.peopleOf(task.getAssignee(), task.getCandidates()),
        mail.subject("新待办", "New task", task.getName(), caseNumber),
        mail.body("您有一项新的待办任务。", "A task has been assigned to you.", task.getName(), caseNumber,
            task.getVariable("enterpriseName"), task.getDueDate()));
  }
}
