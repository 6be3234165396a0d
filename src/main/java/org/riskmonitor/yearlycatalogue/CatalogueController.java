package org.riskmonitor.yearlycatalogue;

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

/**
 * The year's catalogue for the regulator's staff (coordinators, experts, managers): the version in
 * force and every version before it. Coordinators ask here for a revision. Not public.
 */
@Controller
@RequestMapping("/catalogue/{year}")
public class CatalogueController {

  /** One kind as the page shows it. */
  public record KindRow(String productKind, String focusGroup, String riskReasons, String inclusionReason,
                        int backingProposals) {
  }

  /** One version with its kinds. */
  public record VersionRow(CatalogueVersion version, List<KindRow> kinds) {
  }

  private static final List<String> STAFF = List.of(Roles.COORDINATORS, Roles.EXPERTS, Roles.MANAGERS);

  private final YearlyCatalogues catalogues;
  private final Catalogue catalogue;
  private final CurrentRequestUser currentUser;

  public CatalogueController(YearlyCatalogues catalogues, Catalogue catalogue, CurrentRequestUser currentUser) {
    this.catalogues = catalogues;
    this.catalogue = catalogue;
    this.currentUser = currentUser;
  }

  @GetMapping
  public String show(@PathVariable int year, HttpServletRequest request, HttpServletResponse response, Model model) {
    if (STAFF.stream().noneMatch(currentUser::isIn)) {
      return forbidden(response);
    }
    return page(year, request, response, model, List.of(), "");
  }

  @PostMapping("/revision")
  public String requestRevision(@PathVariable int year, @RequestParam(defaultValue = "") String reason,
                                HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.COORDINATORS)) {
      return forbidden(response);
    }
    try {
      catalogues.requestRevision(year, reason, currentUser.get().getUserId());
    } catch (FormRefusal refusal) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(year, request, response, model, refusal.problems(), reason);
    }
    return "redirect:/catalogue/" + year;
  }

  private String page(int year, HttpServletRequest request, HttpServletResponse response, Model model,
                      List<String> problems, String reason) {
    CatalogueRound round = catalogues.round(year).orElse(null);
    if (round == null) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    List<VersionRow> versions = catalogues.versions(year).stream()
        .map(version -> new VersionRow(version, rows(catalogues.entries(version)))).toList();
    VersionRow inForce = versions.stream().filter(row -> row.version().status() == VersionStatus.APPROVED)
        .findFirst().orElse(null);
    model.addAttribute("year", year);
    model.addAttribute("round", round);
    model.addAttribute("inForce", inForce);
    model.addAttribute("versions", versions);
    model.addAttribute("mayRevise", currentUser.isIn(Roles.COORDINATORS) && inForce != null);
    model.addAttribute("problems", problems);
    model.addAttribute("reason", reason);
    model.addAttribute("reasonMax", YearlyCatalogues.REVISION_REASON_MAX);
    model.addAttribute("csrfField", RequestAuthentication.CSRF_FIELD);
    model.addAttribute("csrfToken", currentUser.csrfToken(request));
    return "yearlycatalogue/year";
  }

  private List<KindRow> rows(List<CatalogueEntry> entries) {
    return entries.stream().map(entry -> new KindRow(catalogue.kind(entry.productKind()).label(),
        entry.focusGroup().label(), entry.riskReasons(), entry.inclusionReason(), entry.backingProposals())).toList();
  }

  private static String forbidden(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "yearlycatalogue/forbidden";
  }
}
