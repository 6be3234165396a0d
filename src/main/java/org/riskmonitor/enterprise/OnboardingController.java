package org.riskmonitor.enterprise;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.security.CurrentRequestUser;
import org.riskmonitor.security.RequestAuthentication;
import org.riskmonitor.security.Roles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The coordinator's page to register an enterprise and its first user. */
@Controller
@RequestMapping("/manage/enterprises")
public class OnboardingController {

  private final Onboarding onboarding;
  private final EnterpriseRegistry registry;
  private final CurrentRequestUser currentUser;

  public OnboardingController(Onboarding onboarding, EnterpriseRegistry registry, CurrentRequestUser currentUser) {
    this.onboarding = onboarding;
    this.registry = registry;
    this.currentUser = currentUser;
  }

  @GetMapping("/new")
  public String form(HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.COORDINATORS)) {
      return forbidden(response);
    }
    return show(request, model, new Onboarding.Registration(null, null, null, null, null, Boolean.FALSE, null, null, null, null), null);
  }

  @PostMapping
  public String register(@ModelAttribute Onboarding.Registration registration, HttpServletRequest request,
                         HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.COORDINATORS)) {
      return forbidden(response);
    }
    try {
      Onboarding.Credentials credentials = onboarding.register(registration, currentUser.get().getUserId());
      // the one-time password is on this response only
      response.setHeader("Cache-Control", "no-store");
      model.addAttribute("credentials", credentials);
      return "onboarding/registered";
    } catch (FormRefusal refusal) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(request, model, registration, refusal);
    }
  }

  private String show(HttpServletRequest request, Model model, Onboarding.Registration registration, FormRefusal refusal) {
    model.addAttribute("registration", registration);
    model.addAttribute("districts", registry.currentDistricts());
    model.addAttribute("problems", refusal == null ? List.of() : refusal.problems());
    model.addAttribute("csrfField", RequestAuthentication.CSRF_FIELD);
    model.addAttribute("csrfToken", currentUser.csrfToken(request));
    return "onboarding/form";
  }

  private static String forbidden(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "onboarding/forbidden";
  }
}
