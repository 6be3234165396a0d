package org.riskmonitor.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.proposal.ProposalForm;
import org.riskmonitor.proposal.Proposals;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine clock moves across the National Day week of 2026: the reminder comes before the
 * holidays, once; after the due date the task lands with the coordinators, two days later with
 * the managers, each mailed once through a real SMTP server.
 */
class DeadlineNotificationTest extends RiskMonitorTest {

  @Autowired
  private CaseWalker walker;

  @Autowired
  private Notifier notifier;

  @Autowired
  private Proposals proposals;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void remindedOnceBeforeTheHolidays_thenEscalatedToCoordinatorsAndManagers() throws MessagingException {
    ClockUtil.setCurrentTime(at(2026, 9, 29, 9, 0));
    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    Task assign = walker.openTask(caseNumber);
    assertThat(assign.getDueDate()).isEqualTo(at(2026, 10, 8, 17, 30));
    assertThat(mailsTo("coordinator", caseNumber, "新待办")).as("assignment mail").hasSize(1);

    // the last working day before 8 October is 30 September: the reminder is due then, not before
    ClockUtil.setCurrentTime(at(2026, 9, 29, 18, 0));
    assertThat(dueTimers(assign)).isEmpty();
    ClockUtil.setCurrentTime(at(2026, 9, 30, 9, 5));
    runDueTimers(assign);
    assertThat(mailsTo("coordinator", caseNumber, "即将到期")).hasSize(1);
    notifier.send(assign.getId(), "REMINDER", List.of("coordinator"), "again", "again");
    assertThat(mailsTo("coordinator", caseNumber, "即将到期")).as("never twice").hasSize(1);

    // no escalation during the holidays; the first working day after the due date is 9 October
    ClockUtil.setCurrentTime(at(2026, 10, 8, 20, 0));
    assertThat(dueTimers(assign)).isEmpty();
    ClockUtil.setCurrentTime(at(2026, 10, 9, 9, 5));
    runDueTimers(assign);
    assertThat(candidateGroups(assign)).contains("coordinators").doesNotContain("managers");
    assertThat(mailsTo("coordinator", caseNumber, "逾期督办")).hasSize(1);

    ClockUtil.setCurrentTime(at(2026, 10, 11, 9, 5));
    runDueTimers(assign);
    assertThat(candidateGroups(assign)).contains("coordinators", "managers");
    assertThat(mailsTo("manager", caseNumber, "逾期督办")).hasSize(1);
    assertThat(walker.as("manager", () -> engine.getTaskService().createTaskQuery().taskId(assign.getId())
        .taskCandidateGroupIn(List.of("managers")).count())).as("in the manager's list").isEqualTo(1);
    assertThat(count("rm_audit_entry", "action = 'escalation' AND case_id = (SELECT id FROM rm_monitoring_case "
        + "WHERE case_number = ?)", caseNumber)).isEqualTo(2);
  }

  @Test
  void aCitizensProposalLeftUntriaged_isRemindedAndEscalatedUnderItsNumber() throws Exception {
    ClockUtil.setCurrentTime(at(2026, 11, 2, 9, 0));
    String number = proposals.submit(new ProposalForm("老年助行器", "SHOP", "南开区某药店",
        "助行器刹车失灵，老人使用时容易摔倒。", null), null);
    Task triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(triage.getDueDate()).as("five working days").isEqualTo(at(2026, 11, 9, 17, 30));

    runNextTimer(triage);
    List<MimeMessage> reminders = mailsTo("coordinator", number, "即将到期");
    assertThat(reminders).hasSize(1);
    assertThat(reminders.get(0).getContent().toString()).contains("编号 Number: " + number, "分拣市民建议 Triage proposal")
        .doesNotContain("企业 Enterprise");

    runNextTimer(triage);
    assertThat(ClockUtil.getCurrentTime()).as("escalated after the due date").isAfter(triage.getDueDate());
    assertThat(mailsTo("coordinator", number, "逾期督办")).hasSize(1);
  }

  /** Moves the clock to the task's next timer and runs it, as the job executor would. */
  private void runNextTimer(Task task) {
    Job next = engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
        .orderByJobDuedate().asc().list().get(0);
    ClockUtil.setCurrentTime(new Date(next.getDuedate().getTime() + 60_000));
    engine.getManagementService().executeJob(next.getId());
  }

  private List<Job> dueTimers(Task task) {
    return engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
        .executable().list();
  }

  private void runDueTimers(Task task) {
    dueTimers(task).forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  private List<MimeMessage> mailsTo(String user, String caseNumber, String kind) throws MessagingException {
    List<MimeMessage> found = new java.util.ArrayList<>();
    for (MimeMessage message : MAIL.getReceivedMessages()) {
      boolean toUser = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().equals(user + "@riskmonitor.example"));
      if (toUser && message.getSubject().contains(caseNumber) && message.getSubject().contains(kind)) {
        found.add(message);
      }
    }
    return found;
  }

  private static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }
}
