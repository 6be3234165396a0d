package org.riskmonitor.analytics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.calendar.WorkingDayCalendar;
import org.riskmonitor.security.CurrentRequestUser;
import org.riskmonitor.security.Roles;
import org.riskmonitor.web.BadParameter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The managers' dashboard (coordinators read it too); everyone else gets 403. Every page takes
 * the period ({@code from}, {@code to}, ISO dates, {@code to} exclusive; this year by default)
 * and the case filter's fields as request parameters.
 */
@Controller
public class DashboardController {

  private final Dashboard dashboard;
  private final CurrentRequestUser currentUser;
  private final DueDates dueDates;
  private final LabsAndExperts labsAndExperts;

  public DashboardController(Dashboard dashboard, CurrentRequestUser currentUser, DueDates dueDates,
                             LabsAndExperts labsAndExperts) {
    this.dashboard = dashboard;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
    this.labsAndExperts = labsAndExperts;
  }

  @GetMapping("/dashboard")
  public String show(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     CaseFilter filter, HttpServletResponse response, Model model) {
    if (!allowed()) {
      return forbidden(response);
    }
    Dashboard.View view = view(from, to, filter);
    model.addAttribute("view", view);
    model.addAttribute("cards", YearOnYear.cards(view.figures(), yearBefore(view)));
    model.addAttribute("chartData", dashboard.chartData(view));
    model.addAttribute("choices", dashboard.choices());
    return "dashboard/index";
  }

  /**
   * {@code /dashboard/cases?figure=closed&from=...}: the cases behind a number of the dashboard;
   * {@code activity} names a phase or step, {@code item} a check of the on-site checklists.
   */
  @GetMapping("/dashboard/cases")
  public String cases(@RequestParam String figure, @RequestParam(required = false) String activity,
                      @RequestParam(required = false) String item,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      CaseFilter filter, HttpServletResponse response, Model model) throws IOException {
    if (!allowed()) {
      return forbidden(response);
    }
    LocalDate end = end(to);
    LocalDate start = start(from, end);
    List<CaseRow> cases = dashboard.casesBehind(figure, activity, item, start, end, filter);
    if (cases == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such figure");
      return null;
    }
    model.addAttribute("figure", figure);
    model.addAttribute("activity", activity);
    model.addAttribute("item", item);
    model.addAttribute("cases", cases);
    model.addAttribute("cut", cases.size() == Dashboard.CASE_LIST_LIMIT);
    model.addAttribute("query", Dashboard.query(start, end, filter));
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    return "dashboard/cases";
  }

  /** Per lab and per expert, for the same period and filter as the dashboard. */
  @GetMapping("/dashboard/labs-and-experts")
  public String labsAndExperts(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               CaseFilter filter, HttpServletResponse response, Model model) {
    if (!allowed()) {
      return forbidden(response);
    }
    LocalDate end = end(to);
    model.addAttribute("page", labsAndExperts.forPeriod(start(from, end), end, filter));
    model.addAttribute("choices", dashboard.choices());
    return "dashboard/labs-and-experts";
  }

  /** {@code /dashboard/labs-and-experts/cases?figure=reports&row=3&from=...}: the cases behind a lab's or an expert's number. */
  @GetMapping("/dashboard/labs-and-experts/cases")
  public String labAndExpertCases(@RequestParam String figure, @RequestParam String row,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  CaseFilter filter, HttpServletResponse response, Model model) throws IOException {
    if (!allowed()) {
      return forbidden(response);
    }
    LocalDate end = end(to);
    LocalDate start = start(from, end);
    List<CaseRow> cases = labsAndExperts.casesBehind(figure, row, start, end, filter);
    if (cases == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such figure");
      return null;
    }
    model.addAttribute("figure", LabsAndExperts.Figure.of(figure).label());
    model.addAttribute("item", row);
    model.addAttribute("cases", cases);
    model.addAttribute("cut", cases.size() == Dashboard.CASE_LIST_LIMIT);
    model.addAttribute("query", Dashboard.query(start, end, filter));
    model.addAttribute("back", "/dashboard/labs-and-experts");
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    return "dashboard/cases";
  }

  /** One case as the dashboard knows it: its file and every phase and step it went through. */
  @GetMapping("/dashboard/cases/{caseNumber}")
  public String caseFile(@PathVariable String caseNumber, HttpServletResponse response, Model model)
      throws IOException {
    if (!allowed()) {
      return forbidden(response);
    }
    CaseRow found = dashboard.caseByNumber(caseNumber);
    if (found == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such case");
      return null;
    }
    model.addAttribute("found", found);
    model.addAttribute("timeline", dashboard.timeline(caseNumber));
    model.addAttribute("checklist", dashboard.onSiteChecklist(caseNumber));
    return "dashboard/case";
  }

  /** The risk-case diagram for the heatmap. */
  @GetMapping(value = "/dashboard/diagram/risk-case.bpmn")
  public ResponseEntity<String> diagram() {
    if (!allowed()) {
      return ResponseEntity.status(HttpServletResponse.SC_FORBIDDEN).build();
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(dashboard.diagramXml());
  }

  /** {@code /dashboard/export/phases.xlsx?from=...&to=...}: a table of the page as CSV or XLSX. */
  @GetMapping("/dashboard/export/{table}.{format}")
  public void export(@PathVariable String table, @PathVariable String format,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     CaseFilter filter, HttpServletResponse response) throws IOException {
    if (!allowed()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (!(format.equals("csv") || format.equals("xlsx"))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    LocalDate end = end(to);
    LocalDate start = start(from, end);
    Table exported = dashboard.export(table, start, end, filter);
    if (exported == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    exported.sendAs(format, "risk-monitor-" + table + "-" + start + "-" + end, response);
  }

  private boolean allowed() {
    return currentUser.isIn(Roles.MANAGERS) || currentUser.isIn(Roles.COORDINATORS);
  }

  private static String forbidden(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "dashboard/forbidden";
  }

  /** The same period a year before; none (all zero, no change shown) before the first year we can store. */
  private ProgrammeFigures yearBefore(Dashboard.View view) {
    LocalDate from = view.from().minusYears(1);
    if (!WorkingDayCalendar.storable(from.getYear())) {
      return new ProgrammeFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
    return dashboard.programmeFigures(from, view.to().minusYears(1), view.filter());
  }

  private Dashboard.View view(LocalDate from, LocalDate to, CaseFilter filter) {
    LocalDate end = end(to);
    return dashboard.forPeriod(start(from, end), end, filter);
  }

  private LocalDate end(LocalDate to) {
    return to == null ? dueDates.today().plusDays(1) : storable(to);
  }

  private static LocalDate start(LocalDate from, LocalDate end) {
    return from == null ? end.minusDays(1).withDayOfYear(1) : storable(from);
  }

  /** A date the database cannot compare with its own (year -999999999) would fail the query. */
  private static LocalDate storable(LocalDate day) {
    if (!WorkingDayCalendar.storable(day.getYear())) {
      throw new BadParameter(WorkingDayCalendar.YEAR_OUT_OF_RANGE);
    }
    return day;
  }
}
