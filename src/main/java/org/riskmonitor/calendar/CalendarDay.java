package org.riskmonitor.calendar;

import java.time.LocalDate;

/** A day that breaks the Monday-to-Friday rule: a public holiday, or a weekend day worked (调休). */
public record CalendarDay(LocalDate calendarDate, boolean working, String name, String source) {
}
