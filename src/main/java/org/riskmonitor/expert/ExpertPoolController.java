package org.riskmonitor.expert;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.riskmonitor.catalogue.Catalogue;
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
import org.springframework.web.bind.annotation.RequestParam;

/** The coordinators' page of the expert pool: specialties, districts, conflicts of interest, open work. */
@Controller
@RequestMapping("/manage/experts")
public class ExpertPoolController {

  private final ExpertPool experts;
  private final Catalogue catalogue;
  private final CurrentRequestUser currentUser;

  public ExpertPoolController(ExpertPool experts, Catalogue catalogue, CurrentRequestUser currentUser) {
    this.experts = experts;
    this.catalogue = catalogue;
    this.currentUser = currentUser;
  }

  @GetMapping
  public String list(HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.COORDINATORS)) {
      return forbidden(response);
    }
    return show(request, model, List.of(), "", "", "");
  }

  @PostMapping("/conflicts")
  public String declareConflict(@RequestParam(defaultValue = "") String userId, @RequestParam(defaultValue = "") String uscc,
                                @RequestParam(defaultValue = "") String reason, HttpServletRequest request,
                                HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.COORDINATORS)) {
      return forbidden(response);
    }
    try {
      experts.declareConflict(userId, uscc, reason, currentUser.get().getUserId());
    } catch (FormRefusal refusal) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(request, model, refusal.problems(), userId, uscc, reason);
    }
    return "redirect:/manage/experts";
  }

  @PostMapping("/{userId}/specialties")
  public String setSpecialties(@PathVariable String userId, @RequestParam(required = false) List<String> productKinds,
                               HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.COORDINATORS)) {
      return forbidden(response);
    }
    try {
      experts.setSpecialties(userId, productKinds == null ? List.of() : productKinds, currentUser.get().getUserId());
    } catch (FormRefusal refusal) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(request, model, refusal.problems(), "", "", "");
    }
    return "redirect:/manage/experts";
  }

  /** The page; a refused conflict declaration keeps what was typed. */
  private String show(HttpServletRequest request, Model model, List<String> problems, String userId, String uscc,
                      String reason) {
    model.addAttribute("profiles", experts.profiles());
    model.addAttribute("kinds", catalogue.kinds());
    model.addAttribute("problems", problems);
    model.addAttribute("conflictUserId", userId);
    model.addAttribute("conflictUscc", uscc);
    model.addAttribute("conflictReason", reason);
    model.addAttribute("maxReasonLength", ExpertPool.MAX_REASON_LENGTH);
    model.addAttribute("csrfField", RequestAuthentication.CSRF_FIELD);
    model.addAttribute("csrfToken", currentUser.csrfToken(request));
    return "pool/experts";
  }

  static String forbidden(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "pool/forbidden";
  }
}
