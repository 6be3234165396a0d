package org.riskmonitor.checklist;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
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
 * The pages where coordinators and experts keep the product kinds' on-site checklists: the kinds
 * with the version in force, and one kind's items, its history and any older version. Saving the
 * form makes the next version; cases already assigned a sampler keep the version they were given.
 * Managers read the pages too.
 */
@Controller
@RequestMapping("/manage/checklists")
public class ChecklistEditorController {

  private static final List<String> READERS = List.of(Roles.COORDINATORS, Roles.EXPERTS, Roles.MANAGERS);
  private static final List<String> EDITORS = List.of(Roles.COORDINATORS, Roles.EXPERTS);

  private final Checklists checklists;
  private final CurrentRequestUser currentUser;

  public ChecklistEditorController(Checklists checklists, CurrentRequestUser currentUser) {
    this.checklists = checklists;
    this.currentUser = currentUser;
  }

  @GetMapping
  public String kinds(HttpServletResponse response, Model model) {
    if (READERS.stream().noneMatch(currentUser::isIn)) {
      return forbidden(response);
    }
    model.addAttribute("kinds", checklists.kinds());
    model.addAttribute("problems", List.of());
    return "checklist/editor-kinds";
  }

  /** One kind's checklist in force, or the older version asked for. */
  @GetMapping("/{kind}")
  public String kind(@PathVariable String kind, @RequestParam(required = false) String version,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
    if (READERS.stream().noneMatch(currentUser::isIn)) {
      return forbidden(response);
    }
    KindChecklist kindChecklist = kindOrNull(kind);
    if (kindChecklist == null || kindChecklist.version() == null) {
      return noSuchKind(response, model);
    }
    List<Checklist> versions = checklists.versions(kind);
    Checklist shown = version == null ? versions.get(0)
        : versions.stream().filter(v -> String.valueOf(v.version()).equals(version.strip())).findFirst().orElse(null);
    if (shown == null) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return show(kindChecklist, versions, versions.get(0), request, model,
          List.of("没有这个版本 No such version of the checklist"), null);
    }
    return show(kindChecklist, versions, shown, request, model, List.of(), null);
  }

  /** Saves the edited items as the next version; a refusal shows the form again as it was entered. */
  @PostMapping("/{kind}")
  public String revise(@PathVariable String kind, HttpServletRequest request, HttpServletResponse response,
                       Model model) {
    if (EDITORS.stream().noneMatch(currentUser::isIn)) {
      return forbidden(response);
    }
    KindChecklist kindChecklist = kindOrNull(kind);
    if (kindChecklist == null || kindChecklist.version() == null) {
      return noSuchKind(response, model);
    }
    ChecklistEditForm form = ChecklistEditForm.posted(request.getParameterMap());
    try {
      checklists.revise(kind, form.editedVersionNumber(), form.drafts(), form.changeNote(),
          currentUser.get().getUserId());
    } catch (ChecklistRefusal refusal) {
      response.setStatus(refusal.status().value());
      List<Checklist> versions = checklists.versions(kind);
      // the refusal joins its problems with "；": one problem a line on the page
      return show(kindChecklist, versions, versions.get(0), request, model,
          Arrays.asList(refusal.getMessage().split("；")), form.refused());
    }
    return "redirect:/manage/checklists/" + kindChecklist.productKind();
  }

  private KindChecklist kindOrNull(String kind) {
    return kind.length() <= 40 ? checklists.kind(kind) : null;
  }

  /** The kind's page; editors get the form of the version in force, or the form they sent back refused. */
  private String show(KindChecklist kind, List<Checklist> versions, Checklist shown, HttpServletRequest request,
                      Model model, List<String> problems, ChecklistEditForm refusedForm) {
    Checklist inForce = versions.get(0);
    boolean mayEdit = EDITORS.stream().anyMatch(currentUser::isIn);
    model.addAttribute("kind", kind);
    model.addAttribute("versions", versions);
    model.addAttribute("shown", shown);
    model.addAttribute("inForce", inForce);
    model.addAttribute("items", checklists.items(shown.id()));
    model.addAttribute("problems", problems);
    model.addAttribute("mayEdit", mayEdit);
    if (mayEdit) {
      model.addAttribute("form", refusedForm != null ? refusedForm
          : ChecklistEditForm.of(inForce, checklists.items(inForce.id())));
      model.addAttribute("areas", CheckArea.values());
      model.addAttribute("csrfField", RequestAuthentication.CSRF_FIELD);
      model.addAttribute("csrfToken", currentUser.csrfToken(request));
    }
    return "checklist/editor-kind";
  }

  private String noSuchKind(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("kinds", checklists.kinds());
    model.addAttribute("problems", List.of("没有这个产品种类的检查清单 No checklist for this product kind"));
    return "checklist/editor-kinds";
  }

  private static String forbidden(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "checklist/editor-forbidden";
  }
}
