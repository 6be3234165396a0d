package org.riskmonitor.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates for BPMN expressions ({@code ${dueDates.workingDays(3)}}). Time is the engine's
 * clock, so tests that move the clock move deadlines too. A deadline falls at the end of the
 * office day. Working days skip weekends; the public-holiday calendar is a later step.
 */
@Component("dueDates")
public class DueDates {

  static final LocalTime END_OF_OFFICE_DAY = LocalTime.of(17, 30);

  private final ZoneId zone = ZoneId.systemDefault();

  public Date workingDays(int days) {
    LocalDate day = today();
    int added = 0;
    while (added < days) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        added++;
      }
    }
    return endOfOfficeDay(day);
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

  boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private Date endOfOfficeDay(LocalDate day) {
    return Date.from(day.atTime(END_OF_OFFICE_DAY).atZone(zone).toInstant());
  }
}
