package org.riskmonitor.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.analytics.CaseFilter;
import org.riskmonitor.analytics.CaseRow;
import org.riskmonitor.analytics.Dashboard;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.summary.CaseSummary;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The server's zone does not matter: with the JVM in UTC (behind Beijing) or in Pacific/Kiritimati
 * (UTC+14, ahead of it), a case opened at 07:00 Tianjin time on the last working day before the
 * National Day week is dated that day, its deadlines fall on Beijing working days at the end of the
 * office day, its reminder and escalation at the start of one; the objection window ends 15 days
 * later at 17:30 Beijing time, correction 60 and re-inspection 75 days later. The whole suite runs
 * with the JVM in UTC (see the pom).
 */
class RegulatorClockTest extends RiskMonitorTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Autowired
  private CaseWalker walker;

  @Autowired
  private RegulatorClock clock;

  @Autowired
  private Dashboard dashboard;

  @Autowired
  private CaseSummary summary;

  private TimeZone serverZone;

  @BeforeEach
  void rememberServerZone() {
    serverZone = TimeZone.getDefault();
  }

  @AfterEach
  void restoreServerZoneAndTime() {
    TimeZone.setDefault(serverZone);
    ClockUtil.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Pacific/Kiritimati"})
  void deadlinesFallOnBeijingWorkingDaysAtOfficeHours(String jvmZone) throws Exception {
    TimeZone.setDefault(TimeZone.getTimeZone(jvmZone));
    // Wednesday 30 September 2026, 07:00 in Tianjin: 29 September 23:00 in UTC, 13:00 in Kiritimati
    ClockUtil.setCurrentTime(beijing(2026, 9, 30, 7, 0));
    assertThat(clock.getZone()).isEqualTo(BEIJING);
    assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 9, 30));

    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    assertThat(caseNumber).startsWith("TJ-2026-");
    Task assign = walker.openTask(caseNumber);
    // assign-sampling, 2 working days: 30 September counts from the next working day, 8 October
    assertThat(assign.getDueDate()).isEqualTo(beijing(2026, 10, 9, 17, 30));
    // reminder at the start of the last working day before; escalation from the first working day
    // after the due date, Saturday 10 October (worked in exchange for the holiday)
    assertThat(timer(assign, "Timer_AssignSamplingReminder").getDuedate()).isEqualTo(beijing(2026, 10, 8, 9, 0));
    assertThat(timer(assign, "Timer_AssignSamplingEscalation").getDuedate()).isEqualTo(beijing(2026, 10, 10, 9, 0));
    assertThat(mailBody("coordinator", caseNumber, "新待办")).contains("期限 Due: 2026-10-09 17:30");

    // our record and the engine's history both hold the regulator's wall time, so the dashboard
    // counts the case as opened on 30 September
    assertThat(jdbc.queryForObject("SELECT opened_at FROM rm_monitoring_case WHERE case_number = ?",
        LocalDateTime.class, caseNumber)).isEqualTo(LocalDateTime.of(2026, 9, 30, 7, 0));
    assertThat(jdbc.queryForObject("SELECT START_TIME_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?",
        LocalDateTime.class, caseNumber)).isEqualTo(LocalDateTime.of(2026, 9, 30, 7, 0));
    assertThat(dashboard.casesBehind("opened", null, null, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 1),
        CaseFilter.NONE)).extracting(CaseRow::caseNumber).contains(caseNumber);

    // the same morning the lab finds a nonconformity: 15 days to object, to 15 October at 17:30
    walker.advanceTo(caseNumber, "Task_RespondToResult", Route.remediated());
    Task respond = walker.openTask(caseNumber);
    assertThat(respond.getTaskDefinitionKey()).isEqualTo("Task_RespondToResult");
    assertThat(respond.getDueDate()).isEqualTo(beijing(2026, 10, 15, 17, 30));
    assertThat(timer(respond, "Timer_ObjectionWindow").getDuedate()).isEqualTo(beijing(2026, 10, 15, 17, 30));
    assertThat(timer(respond, "Timer_RespondToResultReminder").getDuedate()).isEqualTo(beijing(2026, 10, 14, 9, 0));
    // the enterprise's form gives the regulator's day
    assertThat(summary.ofTask(respond.getId(), List.of("objectionDeadlineText")))
        .containsEntry("objectionDeadlineText", "2026-10-15");
    assertThat(jdbc.queryForObject("SELECT n.objection_deadline FROM rm_result_notice n JOIN rm_monitoring_case c "
        + "ON c.id = n.case_id WHERE c.case_number = ?", LocalDateTime.class, caseNumber))
        .isEqualTo(LocalDateTime.of(2026, 10, 15, 17, 30));

    // no objection; the remediation order of the same morning: correction within 60 days,
    // re-inspection by day 75
    walker.advanceTo(caseNumber, "Task_SubmitRemediationEvidence", Route.remediated());
    Task evidence = walker.openTask(caseNumber);
    assertThat(evidence.getTaskDefinitionKey()).isEqualTo("Task_SubmitRemediationEvidence");
    assertThat(timer(evidence, "Timer_CorrectionDeadline").getDuedate()).isEqualTo(beijing(2026, 11, 29, 17, 30));
    assertThat(engine.getRuntimeService().getVariables(evidence.getProcessInstanceId()))
        .containsEntry("reinspectionDeadline", beijing(2026, 12, 14, 17, 30));
    assertThat(summary.ofTask(evidence.getId(), List.of("correctionDeadlineText", "reinspectionDeadlineText")))
        .containsEntry("correctionDeadlineText", "2026-11-29")
        .containsEntry("reinspectionDeadlineText", "2026-12-14");
  }

  /** A boundary timer by its id, or a task's reminder or escalation (its timeout listeners) by theirs. */
  private Job timer(Task task, String timerId) {
    List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
        .timers().list();
    List<String> seen = new java.util.ArrayList<>();
    for (Job job : timers) {
      JobDefinition definition = engine.getManagementService().createJobDefinitionQuery()
          .jobDefinitionId(job.getJobDefinitionId()).singleResult();
      seen.add(definition.getActivityId() + " " + definition.getJobConfiguration());
      // a task's own timers are told apart by kind: the reminder a date, the escalation a cycle
      String listenerKind = timerId.endsWith("Reminder") ? "DATE:" : timerId.endsWith("Escalation") ? "CYCLE:" : null;
      if (timerId.equals(definition.getActivityId()) || (listenerKind != null
          && task.getTaskDefinitionKey().equals(definition.getActivityId())
          && definition.getJobConfiguration().startsWith(listenerKind))) {
        return job;
      }
    }
    throw new AssertionError("no timer " + timerId + " among " + seen);
  }

  private static String mailBody(String user, String caseNumber, String kind) throws Exception {
    for (MimeMessage message : MAIL.getReceivedMessages()) {
      boolean toUser = Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().startsWith(user + "@"));
      if (toUser && message.getSubject().contains(caseNumber) && message.getSubject().contains(kind)) {
        return message.getContent().toString();
      }
    }
    return null;
  }

  private static Date beijing(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(BEIJING).toInstant());
  }
}
