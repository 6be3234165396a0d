package org.riskmonitor.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.input.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days by the Chinese public-holiday calendar: Monday to Friday, except the holidays,
 * plus the weekend days worked in exchange (调休), as the table rm_calendar_day lists them.
 */
@Service
public class WorkingDayCalendar {

  /** The years a date column holds on every database we run on (MySQL's DATE and DATETIME). */
  public static final int FIRST_YEAR = 1000;
  public static final int LAST_YEAR = 9999;
  public static final String YEAR_OUT_OF_RANGE =
      "日期超出范围，年份应在" + FIRST_YEAR + "—" + LAST_YEAR + "之间 Date out of range: years " + FIRST_YEAR + " to " + LAST_YEAR;

  private final CalendarMapper mapper;

  public WorkingDayCalendar(CalendarMapper mapper) {
    this.mapper = mapper;
  }

  public static boolean storable(int year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }

  /** The day {@code days} working days after {@code from} (from itself not counted). */
  public LocalDate addWorkingDays(LocalDate from, int days) {
    // a run of holidays is never longer than about ten days, so this window always suffices
    Map<LocalDate, Boolean> exceptions = exceptions(from, from.plusDays(days * 2L + 30));
    LocalDate day = from;
    int added = 0;
    while (added < days) {
      day = day.plusDays(1);
      if (isWorkingDay(day, exceptions)) {
        added++;
      }
    }
    return day;
  }

  public boolean isWorkingDay(LocalDate day) {
    return isWorkingDay(day, exceptions(day, day));
  }

  public List<CalendarDay> year(int year) {
    return mapper.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** Records a holiday or a make-up working day; a day already listed is replaced. */
  @Transactional
  public void set(CalendarDay day) {
    if (!storable(day.calendarDate().getYear())) {
      throw new FormRefusal(YEAR_OUT_OF_RANGE);
    }
    boolean weekend = day.calendarDate().getDayOfWeek() == DayOfWeek.SATURDAY || day.calendarDate().getDayOfWeek() == DayOfWeek.SUNDAY;
    if (day.working() && !weekend) {
      throw new FormRefusal("调休上班日应为周末 A make-up working day falls on a weekend: " + day.calendarDate());
    }
    if (day.name() == null || day.name().isBlank() || day.name().length() > 60) {
      throw new FormRefusal("名称 Name：必填，不超过60个字符 required, at most 60 characters");
    }
    if (TextRules.problem(day.name()) != null) {
      throw new FormRefusal("名称 Name：" + TextRules.problem(day.name()));
    }
    mapper.delete(day.calendarDate());
    mapper.insert(day);
  }

  @Transactional
  public void remove(LocalDate day) {
    mapper.delete(day);
  }

  private Map<LocalDate, Boolean> exceptions(LocalDate from, LocalDate to) {
    return mapper.between(from, to).stream().collect(Collectors.toMap(CalendarDay::calendarDate, CalendarDay::working));
  }

  private static boolean isWorkingDay(LocalDate day, Map<LocalDate, Boolean> exceptions) {
    Boolean listed = exceptions.get(day);
    if (listed != null) {
      return listed;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}
