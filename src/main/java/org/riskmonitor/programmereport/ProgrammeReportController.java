package org.riskmonitor.programmereport;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.riskmonitor.analytics.CaseFilter;
import org.riskmonitor.security.CurrentRequestUser;
import org.riskmonitor.security.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /dashboard/programme-report.pdf?from=2026-01-01&to=2027-01-01}: the programme report of a
 * period ({@code to} exclusive, this year by default) and the dashboard's filter, as a PDF to
 * download. For the dashboard's readers, managers and coordinators; everyone else gets the
 * dashboard's 403 page.
 */
@Controller
public class ProgrammeReportController {

  private final ProgrammeReport report;
  private final CurrentRequestUser currentUser;

  public ProgrammeReportController(ProgrammeReport report, CurrentRequestUser currentUser) {
    this.report = report;
    this.currentUser = currentUser;
  }

  @GetMapping("/dashboard/programme-report.pdf")
  public String download(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         CaseFilter filter, HttpServletResponse response) throws IOException {
    if (!currentUser.isInAny(Roles.REGULATOR)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return "dashboard/forbidden";
    }
    ProgrammeReport.Period period = report.period(from, to);
    byte[] pdf = report.render(period, filter);
    response.setContentType("application/pdf");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + period.fileName() + "\"");
    response.setContentLength(pdf.length);
    response.getOutputStream().write(pdf);
    return null;
  }
}
