package org.riskmonitor.checklist;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.riskmonitor.security.CurrentRequestUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The sampler's phone page of a case's on-site checklist. The page shows the checklist as stored;
 * its script keeps what the sampler enters on the phone and sends it when there is a connection.
 */
@Controller
public class ChecklistPageController {

  private final OnSiteChecks checks;
  private final CurrentRequestUser currentUser;

  public ChecklistPageController(OnSiteChecks checks, CurrentRequestUser currentUser) {
    this.checks = checks;
    this.currentUser = currentUser;
  }

  @GetMapping("/sampling/{caseNumber}/checklist")
  public String checklist(@PathVariable String caseNumber, HttpServletRequest request, HttpServletResponse response,
                          Model model) {
    try {
      model.addAttribute("view", checks.view(caseNumber));
    } catch (ChecklistRefusal refusal) {
      response.setStatus(refusal.status().value());
      model.addAttribute("message", refusal.getMessage());
      return "checklist/refused";
    }
    model.addAttribute("answers", Answer.values());
    model.addAttribute("csrfToken", currentUser.csrfToken(request));
    return "checklist/fill";
  }
}
