package org.riskmonitor.closure;

import jakarta.servlet.http.HttpServletResponse;
import org.riskmonitor.security.CurrentRequestUser;
import org.riskmonitor.security.Roles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The regulator's view of the red and black lists: every closed case, and the components sampled at
 * assembly plants listed under their suppliers. Coordinators and managers only until the lists are
 * published.
 */
@Controller
public class ListController {

  private final RedBlackLists lists;
  private final CurrentRequestUser currentUser;

  public ListController(RedBlackLists lists, CurrentRequestUser currentUser) {
    this.lists = lists;
    this.currentUser = currentUser;
  }

  @GetMapping("/manage/lists")
  public String show(HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.COORDINATORS) && !currentUser.isIn(Roles.MANAGERS)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return "lists/forbidden";
    }
    model.addAttribute("red", lists.entries(Outcome.ListEntry.RED, false));
    model.addAttribute("black", lists.entries(Outcome.ListEntry.BLACK, false));
    model.addAttribute("componentsRed", lists.entries(Outcome.ListEntry.RED, true));
    model.addAttribute("componentsBlack", lists.entries(Outcome.ListEntry.BLACK, true));
    model.addAttribute("limit", RedBlackLists.LIMIT);
    return "lists/index";
  }
}
