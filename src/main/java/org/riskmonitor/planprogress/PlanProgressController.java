package org.riskmonitor.planprogress;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.riskmonitor.analytics.Choice;
import org.riskmonitor.analytics.Table;
import org.riskmonitor.security.CurrentRequestUser;
import org.riskmonitor.security.Roles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's plan-progress page, for managers and coordinators like the rest of the
 * dashboard; everyone else gets 403. Every page takes the filter's fields as request parameters
 * ({@code year, plan, productKind, district, lab, venue, behind}); a value that does not parse or
 * names nothing known is refused with a bilingual 400.
 */
@Controller
public class PlanProgressController {

  private final PlanProgress progress;
  private final CurrentRequestUser currentUser;

  public PlanProgressController(PlanProgress progress, CurrentRequestUser currentUser) {
    this.progress = progress;
    this.currentUser = currentUser;
  }

  @GetMapping("/dashboard/plan-progress")
  public String show(PlanProgressFilter filter, HttpServletResponse response, Model model) {
    if (!allowed()) {
      return forbidden(response);
    }
    Map<String, List<Choice>> choices = progress.choices();
    progress.check(filter, choices);
    model.addAttribute("report", progress.report(filter));
    model.addAttribute("choices", choices);
    return "dashboard/plan-progress";
  }

  /** {@code /dashboard/plan-progress/cases?figure=sampled&line=3}: the cases behind a count of the page. */
  @GetMapping("/dashboard/plan-progress/cases")
  public String cases(@RequestParam String figure, @RequestParam(required = false) Long line,
                      PlanProgressFilter filter, HttpServletResponse response, Model model) {
    if (!allowed()) {
      return forbidden(response);
    }
    progress.check(filter, progress.choices());
    PlanProgress.CaseList found = progress.casesBehind(figure, line, filter);
    model.addAttribute("heading", found.heading());
    model.addAttribute("cases", found.cases());
    model.addAttribute("cut", found.cases().size() == PlanProgress.CASE_LIST_LIMIT);
    model.addAttribute("query", filter.query());
    return "dashboard/plan-cases";
  }

  /** {@code /dashboard/plan-progress/export/lines.xlsx?year=2026}: the line or plan table as CSV or XLSX. */
  @GetMapping("/dashboard/plan-progress/export/{table}.{format}")
  public void export(@PathVariable String table, @PathVariable String format, PlanProgressFilter filter,
                     HttpServletResponse response) throws IOException {
    if (!allowed()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (!(format.equals("csv") || format.equals("xlsx"))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    progress.check(filter, progress.choices());
    Table exported = progress.export(table, filter);
    if (exported == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    exported.sendAs(format, "risk-monitor-plan-progress-" + table, response);
  }

  private boolean allowed() {
    return currentUser.isIn(Roles.MANAGERS) || currentUser.isIn(Roles.COORDINATORS);
  }

  private static String forbidden(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "dashboard/forbidden";
  }
}
