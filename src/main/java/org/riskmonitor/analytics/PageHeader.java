package org.riskmonitor.analytics;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.riskmonitor.security.CurrentRequestUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the header bar of the dashboard's pages shows: who is signed in, and the webapps' CSRF
 * token its logout button sends to Camunda's logout, as Tasklist's own button does. Named by
 * package, not class: plan progress builds on this package, not the other way round.
 */
@ControllerAdvice(basePackages = {"org.riskmonitor.analytics", "org.riskmonitor.planprogress"})
public class PageHeader {

  private final CurrentRequestUser currentUser;

  public PageHeader(CurrentRequestUser currentUser) {
    this.currentUser = currentUser;
  }

  @ModelAttribute("headerUser")
  public String headerUser() {
    Authentication authentication = currentUser.get();
    return authentication == null ? null : authentication.getUserId();
  }

  @ModelAttribute("headerCsrfToken")
  public String headerCsrfToken(HttpServletRequest request) {
    return currentUser.csrfToken(request);
  }
}
