package org.riskmonitor.notification;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Component;

/** Who a task concerns, and the bilingual text of the messages about it. */
@Component
public class TaskMail {

  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final IdentityService identityService;
  private final RegulatorClock clock;

  public TaskMail(IdentityService identityService, RegulatorClock clock) {
    this.identityService = identityService;
    this.clock = clock;
  }

  /** The assignee, or else every member of the candidate groups. */
  public Set<String> peopleOf(String assignee, Collection<? extends IdentityLink> candidates) {
    Set<String> people = new LinkedHashSet<>();
    if (assignee != null) {
      people.add(assignee);
      return people;
    }
    for (IdentityLink link : candidates) {
      if (link.getGroupId() != null) {
        people.addAll(members(link.getGroupId()));
      } else if (link.getUserId() != null) {
        people.add(link.getUserId());
      }
    }
    return people;
  }

  public List<String> members(String groupId) {
    return SystemContext.withoutAuthorization(() -> new ArrayList<>(identityService.createUserQuery().memberOfGroup(groupId)
        .list().stream().map(User::getId).toList()));
  }

  /**
   * The number a mail names its task by: the case's, or for a process outside the cases (a citizen's
   * proposal, a plan, a catalogue round) the number its task cards show.
   */
  public Object numberOf(DelegateTask task) {
    Object caseNumber = task.getVariable("caseNumber");
    return caseNumber != null ? caseNumber : task.getVariable("programmeNumber");
  }

  public String subject(String kindZh, String kindEn, String taskName, Object caseNumber) {
    return "【风险监测 Risk Monitor】" + kindZh + " " + kindEn + "：" + taskName
        + (caseNumber == null ? "" : " " + caseNumber);
  }

  /** The due date is written on the regulator's clock, whatever the server's zone. */
  public String body(String leadZh, String leadEn, String taskName, Object number, Object enterprise, Date due) {
    return leadZh + "\n" + leadEn + "\n\n"
        // a task outside the cases (a citizen's proposal) has no enterprise
        + (number == null ? "" : "编号 Number: " + number + "\n")
        + (enterprise == null ? "" : "企业 Enterprise: " + enterprise + "\n")
        + "任务 Task: " + taskName + "\n"
        + "期限 Due: " + (due == null ? "无 none" : clock.local(due).format(DUE)) + "\n\n"
        + "请登录待办任务处理 Please open Tasklist: /camunda/app/tasklist/\n";
  }
}
