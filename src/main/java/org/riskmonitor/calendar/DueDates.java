package org.riskmonitor.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Due dates for BPMN expressions: {@code ${dueDates.step('decide-objection')}} takes the step's
 * configured length (see {@link DeadlineRules}). Days are the regulator's days and time is the
 * engine's clock ({@link RegulatorClock}). A deadline falls at the end of the office day
 * ({@link OfficeHours}); working days follow the public-holiday calendar.
 */
@Component("dueDates")
public class DueDates {

  private static final Pattern LENGTH = Pattern.compile("(\\d{1,3})(WD|D)");
  /** A timer cycle's start with its offset: the engine would read a bare local time in the server's zone. */
  private static final DateTimeFormatter CYCLE_START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final WorkingDayCalendar calendar;
  private final DeadlineRules rules;
  private final OfficeHours officeHours;
  private final RegulatorClock clock;

  public DueDates(WorkingDayCalendar calendar, DeadlineRules rules, OfficeHours officeHours, RegulatorClock clock) {
    this.calendar = calendar;
    this.rules = rules;
    this.officeHours = officeHours;
    this.clock = clock;
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
    return clock.date(day.atTime(officeHours.start()));
  }

  /**
   * When to escalate, as an ISO 8601 cycle for a boundary timer: the start of the first working
   * day after the due date (to the coordinators), and two days later again (to the managers).
   */
  public String escalation(Date due) {
    LocalDate first = calendar.addWorkingDays(toLocalDate(due), 1);
    return "R2/" + first.atTime(officeHours.start()).atZone(clock.getZone()).format(CYCLE_START) + "/P2D";
  }

  public Date calendarDays(int days) {
    return endOfOfficeDay(today().plusDays(days));
  }

  public LocalDate today() {
    return clock.today();
  }

  public Date now() {
    return Date.from(clock.instant());
  }

  public LocalDate toLocalDate(Date date) {
    return clock.local(date).toLocalDate();
  }

  private Date endOfOfficeDay(LocalDate day) {
    return clock.date(day.atTime(officeHours.end()));
  }
}
