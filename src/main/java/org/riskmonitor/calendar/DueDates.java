package org.riskmonitor.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates for BPMN expressions: {@code ${dueDates.step('decide-objection')}} takes the step's
 * configured length (see {@link DeadlineRules}). Time is the engine's clock, so tests that move
 * the clock move deadlines too. A deadline falls at the end of the office day; working days
 * follow the public-holiday calendar.
 */
@Component("dueDates")
public class DueDates {

  static final LocalTime END_OF_OFFICE_DAY = LocalTime.of(17, 30);
  static final LocalTime START_OF_OFFICE_DAY = LocalTime.of(9, 0);
  private static final Pattern LENGTH = Pattern.compile("(\\d{1,3})(WD|D)");

  private final ZoneId zone = ZoneId.systemDefault();
  private final WorkingDayCalendar calendar;
  private final DeadlineRules rules;

  public DueDates(WorkingDayCalendar calendar, DeadlineRules rules) {
    this.calendar = calendar;
    this.rules = rules;
  }

  /** The deadline of a step, named by its form, from now. */
  public Date step(String stepForm) {
    String length = rules.steps() == null ? null : rules.steps().get(stepForm);
    Matcher m = length == null ? null : LENGTH.matcher(length);
    if (m == null || !m.matches()) {
      throw new IllegalStateException("riskmonitor.deadlines.steps." + stepForm + " is missing or not like 3WD or 10D");
    }
    int days = Integer.parseInt(m.group(1));
    return m.group(2).equals("WD") ? workingDays(days) : calendarDays(days);
  }

  public Date workingDays(int days) {
    return endOfOfficeDay(calendar.addWorkingDays(today(), days));
  }

  /** When to remind: the start of the last working day before the due date (at once if that has passed). */
  public Date reminder(Date due) {
    LocalDate dueDay = toLocalDate(due);
    LocalDate day = dueDay.minusDays(1);
    while (!calendar.isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return Date.from(day.atTime(START_OF_OFFICE_DAY).atZone(zone).toInstant());
  }

  /**
   * When to escalate, as an ISO 8601 cycle for a boundary timer: the start of the first working
   * day after the due date (to the coordinators), and two days later again (to the managers).
   */
  public String escalation(Date due) {
    LocalDate first = calendar.addWorkingDays(toLocalDate(due), 1);
    return "R2/" + first.atTime(START_OF_OFFICE_DAY) + ":00/P2D";
  }

  public Date calendarDays(int days) {
    return endOfOfficeDay(today().plusDays(days));
  }

  public LocalDate today() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone).toLocalDate();
  }

  public Date now() {
    return ClockUtil.getCurrentTime();
  }

  public LocalDate toLocalDate(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), zone).toLocalDate();
  }

  private Date endOfOfficeDay(LocalDate day) {
    return Date.from(day.atTime(END_OF_OFFICE_DAY).atZone(zone).toInstant());
  }
}
