package org.riskmonitor.programmereport;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskmonitor.analytics.CaseFilter;
import org.riskmonitor.analytics.Choice;
import org.riskmonitor.analytics.Dashboard;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.calendar.WorkingDayCalendar;
import org.riskmonitor.closure.Outcome;
import org.riskmonitor.officialdocument.OfficialDocuments;
import org.riskmonitor.web.BadParameter;
import org.springframework.stereotype.Service;

/**
 * The programme report of a period [from, to) and a filter of cases: the figures managers report
 * every year, taken from the dashboard, with the red and black list entries and the meetings by
 * kind, laid out as a PDF.
 */
@Service
public class ProgrammeReport {

  /** Most entries of each list the report names; the report says when a list was cut. */
  static final int LIST_LIMIT = 1000;

  static final String START_AFTER_END =
      "开始日期应早于结束日期 The start date (from) must be before the end date (to, exclusive)";

  private static final Map<String, String> FILTER_NAMES = Map.of(
      "productKind", "产品种类 Product kind",
      "district", "区 District",
      "cluster", "产业集群 Industrial cluster",
      "lab", "检验检测机构 Laboratory",
      "expert", "技术专家 Expert",
      "riskLevel", "风险等级 Risk level",
      "outcome", "结案结论 Outcome");

  /** Everything the report shows, gathered before it is laid out. */
  public record Content(LocalDate from, LocalDate to, List<String> filter, Dashboard.View view,
                        Map<String, Long> meetingsByKind, List<ListedCase> redList, List<ListedCase> blackList,
                        ZonedDateTime generatedAt) {

    /** The last day of the period, which {@code to} is the day after. */
    public LocalDate lastDay() {
      return to.minusDays(1);
    }

    /** The period the Chinese way: 2026年1月1日至2026年12月31日. */
    public String period() {
      return OfficialDocuments.day(from.atStartOfDay()) + "至" + OfficialDocuments.day(lastDay().atStartOfDay());
    }

    public long meetings(String kind) {
      return meetingsByKind.getOrDefault(kind, 0L);
    }
  }

  private final Dashboard dashboard;
  private final ProgrammeReportMapper mapper;
  private final RegulatorClock clock;
  private final ProgrammeReportPdf pdf;

  public ProgrammeReport(Dashboard dashboard, ProgrammeReportMapper mapper, RegulatorClock clock,
                         ProgrammeReportPdf pdf) {
    this.dashboard = dashboard;
    this.mapper = mapper;
    this.clock = clock;
    this.pdf = pdf;
  }

  /** The period asked for, this year (in the regulator's zone) by default; refused when it cannot be served. */
  public Period period(LocalDate from, LocalDate to) {
    LocalDate end = to == null ? clock.today().plusDays(1) : storable(to);
    LocalDate start = from == null ? end.minusDays(1).withDayOfYear(1) : storable(from);
    if (!start.isBefore(end)) {
      throw new BadParameter(START_AFTER_END);
    }
    return new Period(start, end);
  }

  /** A period [from, to) and the name its report is downloaded under. */
  public record Period(LocalDate from, LocalDate to) {

    /** programme-report-2026.pdf for a calendar year, else programme-report-2026-03-01-2026-03-31.pdf. */
    public String fileName() {
      boolean calendarYear = from.getDayOfYear() == 1 && to.equals(from.plusYears(1));
      return "programme-report-" + (calendarYear ? String.valueOf(from.getYear()) : from + "-" + to.minusDays(1))
          + ".pdf";
    }
  }

  public byte[] render(Period period, CaseFilter filter) {
    return pdf.render(content(period, filter));
  }

  Content content(Period period, CaseFilter filter) {
    List<String> filterLines = describe(filter);
    LocalDateTime start = period.from().atStartOfDay();
    LocalDateTime end = period.to().atStartOfDay();
    Map<String, Long> meetings = new LinkedHashMap<>();
    mapper.meetingsByKind(start, end, filter).forEach(m -> meetings.put(m.kind(), m.meetings()));
    return new Content(period.from(), period.to(), filterLines, dashboard.forPeriod(period.from(), period.to(), filter),
        meetings, mapper.listEntries(Outcome.ListEntry.RED.name(), start, end, filter, LIST_LIMIT),
        mapper.listEntries(Outcome.ListEntry.BLACK.name(), start, end, filter, LIST_LIMIT), ZonedDateTime.now(clock));
  }

  /**
   * The filter as the report prints it, each field by its name and the label of its value. A value
   * the dashboard does not offer is refused: the report would otherwise print it as sent.
   */
  private List<String> describe(CaseFilter filter) {
    Map<String, List<Choice>> choices = dashboard.choices();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("productKind", filter.productKind());
    values.put("district", filter.district());
    values.put("cluster", filter.cluster());
    values.put("lab", filter.lab());
    values.put("expert", filter.expert());
    values.put("riskLevel", filter.riskLevel());
    values.put("outcome", filter.outcome());
    List<String> lines = new ArrayList<>();
    values.forEach((field, value) -> {
      if (value == null) {
        return;
      }
      String label = choices.get(field).stream().filter(c -> c.code().equals(value.toString())).map(Choice::label)
          .findFirst().orElseThrow(() -> new BadParameter("参数 " + field + " 的取值不存在 Parameter " + field
              + " names nothing known"));
      lines.add(FILTER_NAMES.get(field) + "：" + label);
    });
    return lines;
  }

  private static LocalDate storable(LocalDate day) {
    if (!WorkingDayCalendar.storable(day.getYear())) {
      throw new BadParameter(WorkingDayCalendar.YEAR_OUT_OF_RANGE);
    }
    return day;
  }
}
