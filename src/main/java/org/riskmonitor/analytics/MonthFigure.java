package org.riskmonitor.analytics;

/** Cases opened or closed in a month ({@code yyyymm}, as {@code calendarMonth}); for closed cases also their median duration (ms). */
public record MonthFigure(int calendarMonth, long cases, Long medianDuration) {
}
