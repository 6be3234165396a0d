package org.riskmonitor.analytics;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.security.CurrentRequestUser;
import org.riskmonitor.security.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
    if (!currentUser.isIn(Roles.MANAGERS) && !currentUser.isIn(Roles.COORDINATORS)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return "dashboard/forbidden";
    }
    LocalDate end = to == null ? dueDates.today().plusDays(1) : to;
    LocalDate start = from == null ? end.withDayOfYear(1) : from;
    model.addAttribute("view", dashboard.forPeriod(start, end));
    return "dashboard/index";
  }
}
