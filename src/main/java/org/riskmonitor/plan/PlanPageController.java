package org.riskmonitor.plan;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.security.CurrentRequestUser;
import org.riskmonitor.security.RequestAuthentication;
import org.riskmonitor.security.Roles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The regulator's pages of the yearly plans: the list, and one plan with its lines (batches,
 * cases opened, what is left, period, lab, budgets) and amendments with their reasons.
 * Coordinators, managers and experts read them; managers start an amendment from here.
 */
@Controller
@RequestMapping("/plans")
public class PlanPageController {

  private static final List<String> READERS = List.of(Roles.COORDINATORS, Roles.MANAGERS, Roles.EXPERTS);

  private final MonitoringPlans plans;
  private final PlanProcess process;
  private final CurrentRequestUser currentUser;

  public PlanPageController(MonitoringPlans plans, PlanProcess process, CurrentRequestUser currentUser) {
    this.plans = plans;
    this.process = process;
    this.currentUser = currentUser;
  }

  @GetMapping
  public String list(HttpServletResponse response, Model model) {
    if (READERS.stream().noneMatch(currentUser::isIn)) {
      return forbidden(response);
    }
    model.addAttribute("plans", plans.all());
    return "plan/plans";
  }

  @GetMapping("/{planNumber}")
  public String plan(@PathVariable String planNumber, HttpServletRequest request, HttpServletResponse response,
                     Model model) {
    if (READERS.stream().noneMatch(currentUser::isIn)) {
      return forbidden(response);
    }
    return show(planNumber, request, response, model, List.of());
  }

  /** A manager asks to amend the plan: the amendment step opens in Tasklist, where they fill it. */
  @PostMapping("/{planNumber}/amendments")
  public String amend(@PathVariable String planNumber, HttpServletRequest request, HttpServletResponse response,
                      Model model) {
    if (!currentUser.isIn(Roles.MANAGERS)) {
      return forbidden(response);
    }
    Task task;
    try {
      task = process.requestAmendment(planNumber);
    } catch (FormRefusal refusal) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(planNumber, request, response, model, refusal.problems());
    }
    return "redirect:/camunda/app/tasklist/default/#/?task=" + task.getId();
  }

  private String show(String planNumber, HttpServletRequest request, HttpServletResponse response, Model model,
                      List<String> problems) {
    MonitoringPlan plan = planNumber.length() <= 20 ? plans.byNumber(planNumber) : null;
    if (plan == null) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("problems", List.of("没有这个计划 No such plan"));
      model.addAttribute("plans", plans.all());
      return "plan/plans";
    }
    List<PlanLine> lines = plans.lines(plan.id());
    model.addAttribute("plan", plan);
    model.addAttribute("lines", lines);
    model.addAttribute("batches", lines.stream().mapToInt(PlanLine::batches).sum());
    model.addAttribute("opened", lines.stream().mapToInt(PlanLine::casesOpened).sum());
    model.addAttribute("amendments", plans.amendments(plan.id()));
    model.addAttribute("mayAmend", currentUser.isIn(Roles.MANAGERS) && plan.approved());
    model.addAttribute("problems", problems);
    model.addAttribute("csrfField", RequestAuthentication.CSRF_FIELD);
    model.addAttribute("csrfToken", currentUser.csrfToken(request));
    return "plan/plan";
  }

  private static String forbidden(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "plan/forbidden";
  }
}
