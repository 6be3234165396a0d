package org.riskmonitor.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Deadlines in working days skip public holidays and count the weekend days worked in exchange. */
class WorkingDayCalendarTest extends RiskMonitorTest {

  private static final String ADMIN_PASSWORD = "Calendar-Admin-2026!";

  @Autowired
  private WorkingDayCalendar calendar;

  @Autowired
  private DeadlineRules rules;

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TestRestTemplate rest;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void theNationalDayWeekIsSkipped_andItsSaturdayMakeUpDayCounts() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).as("Sunday worked before National Day").isTrue();
  }

  @Test
  void theSpringFestivalIsSkipped() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).as("2027 statutory day").isFalse();
  }

  @Test
  void aStepOpenedBeforeTheHolidayWeekIsDueAfterIt() {
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 9, 29, 9, 0)));
    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    Task assign = walker.openTask(caseNumber);

    // assign-sampling: 2 working days from Tuesday 29 September → Wednesday 30, then Thursday 8 October
    assertThat(assign.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 10, 8, 17, 30)));

    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 9, 30, 9, 0)));
    walker.advanceTo(caseNumber, "Task_ReceiveSample", Route.remediated());
    // confirm-sampling-slip was created on 30 September: 2 working days → 8, 9 October
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ConfirmSamplingSlip").singleResult().getDueDate())
        .isEqualTo(at(LocalDateTime.of(2026, 10, 9, 17, 30)));
  }

  @Test
  void everyStepOfTheProcessesHasAConfiguredDeadline() throws Exception {
    Matcher steps = Pattern.compile("dueDates\\.step\\('([a-z-]+)'\\)")
        .matcher(Files.readString(Path.of("processes/risk-case.bpmn")) + Files.readString(Path.of("processes/lab-test.bpmn")));
    Set<String> named = new TreeSet<>();
    while (steps.find()) {
      assertThat(rules.steps()).containsKey(steps.group(1));
      assertThat(rules.steps().get(steps.group(1))).matches("\\d{1,3}(WD|D)");
      named.add(steps.group(1));
    }
    // each step's deadline is named by its due date, its reminder and its escalation
    assertThat(named).hasSize(19);
    assertThat(rules.objectionDays()).isEqualTo(15);
    assertThat(rules.correctionDays()).isEqualTo(60);
    assertThat(rules.reinspectionDays()).isEqualTo(75);
  }

  @Test
  void onlyAdminsEditTheCalendar_andAMakeUpDayMustBeAWeekend() {
    // an administrator of its own: the demo admin's password differs between profiles
    if (engine.getIdentityService().createUserQuery().userId("calendaradmin").count() == 0) {
      User admin = engine.getIdentityService().newUser("calendaradmin");
      admin.setPassword(ADMIN_PASSWORD);
      engine.getIdentityService().saveUser(admin);
      engine.getIdentityService().createMembership("calendaradmin", Roles.ADMINS);
    }
    assertThat(post("coordinator", "2027-02-20", true, "春节调休上班").getStatusCode().value()).isEqualTo(403);
    assertThat(post("calendaradmin", "2027-02-22", true, "错误示例").getStatusCode().value()).isEqualTo(400);

    // saved, then shown again on the year page (the client follows the redirect)
    assertThat(post("calendaradmin", "2027-02-20", true, "春节调休上班").getStatusCode().value()).isEqualTo(200);
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 20))).isTrue();
    assertThat(rest.withBasicAuth("calendaradmin", ADMIN_PASSWORD).getForEntity("/manage/calendar?year=2027", String.class)
        .getBody()).contains("2027-02-20", "春节调休上班", "2027-10-01");
  }

  private org.springframework.http.ResponseEntity<String> post(String user, String day, boolean working, String name) {
    String password = user.equals("calendaradmin") ? ADMIN_PASSWORD : DemoPeople.PASSWORD;
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("day", day);
    form.add("working", String.valueOf(working));
    form.add("name", name);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.withBasicAuth(user, password).postForEntity("/manage/calendar", new HttpEntity<>(form, headers),
        String.class);
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }
}
