package org.riskmonitor.publication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.riskmonitor.security.CurrentRequestUser;
import org.riskmonitor.security.RequestAuthentication;
import org.riskmonitor.security.Roles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The managers' list of items for the public, with their status. A published item may be
 * corrected or withdrawn: each opens a step in Tasklist, where the manager gives the reason.
 */
@Controller
@RequestMapping("/manage/publications")
public class PublicationListController {

  private final Publications publications;
  private final CurrentRequestUser currentUser;

  public PublicationListController(Publications publications, CurrentRequestUser currentUser) {
    this.publications = publications;
    this.currentUser = currentUser;
  }

  @GetMapping
  public String list(@RequestParam(required = false) String started, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.MANAGERS)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return "publication/forbidden";
    }
    model.addAttribute("items", publications.all());
    model.addAttribute("limit", Publications.LIMIT);
    model.addAttribute("started", started != null && started.matches("GS-\\d{4}-\\d{6,}") ? started : null);
    model.addAttribute("csrfField", RequestAuthentication.CSRF_FIELD);
    model.addAttribute("csrfToken", currentUser.csrfToken(request));
    return "publication/list";
  }

  @PostMapping("/{publicNumber}/correct")
  public String correct(@PathVariable String publicNumber, HttpServletRequest request, HttpServletResponse response,
                        Model model) {
    return change(publicNumber, Publications.ChangeKind.CORRECTION, request, response, model);
  }

  @PostMapping("/{publicNumber}/withdraw")
  public String withdraw(@PathVariable String publicNumber, HttpServletRequest request, HttpServletResponse response,
                         Model model) {
    return change(publicNumber, Publications.ChangeKind.WITHDRAWAL, request, response, model);
  }

  private String change(String publicNumber, Publications.ChangeKind kind, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.MANAGERS)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return "publication/forbidden";
    }
    if (!publications.startChange(publicNumber, kind)) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("problem", "只有已公开且没有待办更正或撤回的事项可以更正或撤回"
          + " Only a published item without an open correction or withdrawal can be corrected or withdrawn");
      return list(null, request, response, model);
    }
    return "redirect:/manage/publications?started=" + publicNumber;
  }
}
