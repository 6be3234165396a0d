package org.riskmonitor.analytics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.security.CurrentRequestUser;
import org.riskmonitor.security.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The managers' dashboard (coordinators read it too); everyone else gets 403. */
@Controller
public class DashboardController {

  private final Dashboard dashboard;
  private final CurrentRequestUser currentUser;
  private final DueDates dueDates;

  public DashboardController(Dashboard dashboard, CurrentRequestUser currentUser, DueDates dueDates) {
    this.dashboard = dashboard;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
  }

  @GetMapping("/dashboard")
  public String show(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     HttpServletResponse response, Model model) {
    if (!allowed()) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return "dashboard/forbidden";
    }
    model.addAttribute("view", view(from, to));
    return "dashboard/index";
  }

  /** {@code /dashboard/export/phases.xlsx?from=...&to=...}: a table of the page as CSV or XLSX. */
  @GetMapping("/dashboard/export/{table}.{format}")
  public void export(@PathVariable String table, @PathVariable String format,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     HttpServletResponse response) throws IOException {
    if (!allowed()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    Dashboard.View view = view(from, to);
    Table exported = dashboard.tables(view).get(table);
    if (exported == null || !(format.equals("csv") || format.equals("xlsx"))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String fileName = "risk-monitor-" + table + "-" + view.from() + "-" + view.to() + "." + format;
    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    if (format.equals("csv")) {
      response.setContentType("text/csv;charset=UTF-8");
      exported.writeCsv(response.getOutputStream());
    } else {
      response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      exported.writeXlsx(response.getOutputStream());
    }
  }

  private boolean allowed() {
    return currentUser.isIn(Roles.MANAGERS) || currentUser.isIn(Roles.COORDINATORS);
  }

  private Dashboard.View view(LocalDate from, LocalDate to) {
    LocalDate end = to == null ? dueDates.today().plusDays(1) : to;
    LocalDate start = from == null ? end.withDayOfYear(1) : from;
    return dashboard.forPeriod(start, end);
  }
}
