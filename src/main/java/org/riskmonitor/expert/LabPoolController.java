package org.riskmonitor.expert;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.catalogue.ProductKind;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.laboratory.Laboratories;
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
 * The coordinators' page of the labs they assign: accreditation scope, capacity, samples in
 * work. Kept beside the expert pool's page: together they are what assignment chooses from.
 */
@Controller
@RequestMapping("/manage/labs")
public class LabPoolController {

  /** One lab as the page shows it. */
  public record LabRow(Laboratories.Load load, List<ProductKind> scope) {

    public boolean accredits(String productKind) {
      return scope.stream().anyMatch(kind -> kind.code().equals(productKind));
    }
  }

  private final Laboratories labs;
  private final Catalogue catalogue;
  private final CurrentRequestUser currentUser;

  public LabPoolController(Laboratories labs, Catalogue catalogue, CurrentRequestUser currentUser) {
    this.labs = labs;
    this.catalogue = catalogue;
    this.currentUser = currentUser;
  }

  @GetMapping
  public String list(HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.COORDINATORS)) {
      return ExpertPoolController.forbidden(response);
    }
    return show(request, model, List.of());
  }

  @PostMapping("/{labId}")
  public String change(@PathVariable long labId, @RequestParam(defaultValue = "") String capacity,
                       @RequestParam(required = false) List<String> productKinds, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.COORDINATORS)) {
      return ExpertPoolController.forbidden(response);
    }
    // anything but a few digits is left to the lab pool to refuse with its message
    Integer number = capacity.strip().matches("\\d{1,4}") ? Integer.valueOf(capacity.strip()) : null;
    try {
      labs.change(labId, number, productKinds == null ? List.of() : productKinds, currentUser.get().getUserId());
    } catch (FormRefusal refusal) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(request, model, refusal.problems());
    }
    return "redirect:/manage/labs";
  }

  /** Connects a lab to its LIMS ({@code connected=true}) or takes it back to Tasklist. */
  @PostMapping("/{labId}/lims")
  public String connectLims(@PathVariable long labId, @RequestParam(defaultValue = "") String connected,
                            HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.COORDINATORS)) {
      return ExpertPoolController.forbidden(response);
    }
    if (!connected.equals("true") && !connected.equals("false")) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(request, model, List.of("工作方式：应为true或false Works through: true or false"));
    }
    try {
      labs.connectLims(labId, Boolean.parseBoolean(connected), currentUser.get().getUserId());
    } catch (FormRefusal refusal) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(request, model, refusal.problems());
    }
    return "redirect:/manage/labs";
  }

  private String show(HttpServletRequest request, Model model, List<String> problems) {
    model.addAttribute("labs", labs.loads().stream().map(load -> new LabRow(load,
        labs.scope(load.lab().id()).stream().map(catalogue::kind).toList())).toList());
    model.addAttribute("kinds", catalogue.kinds());
    model.addAttribute("maxCapacity", Laboratories.MAX_CAPACITY);
    model.addAttribute("problems", problems);
    model.addAttribute("csrfField", RequestAuthentication.CSRF_FIELD);
    model.addAttribute("csrfToken", currentUser.csrfToken(request));
    return "pool/labs";
  }
}
