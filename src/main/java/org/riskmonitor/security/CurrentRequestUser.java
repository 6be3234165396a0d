package org.riskmonitor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.stereotype.Component;

/** The user {@link RequestAuthentication} established for this request, for our controllers. */
@Component
public class CurrentRequestUser {

  private final IdentityService identityService;

  public CurrentRequestUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Authentication get() {
    return identityService.getCurrentAuthentication();
  }

  public boolean isIn(String group) {
    Authentication authentication = get();
    return authentication != null && authentication.getGroupIds() != null && authentication.getGroupIds().contains(group);
  }

  /** Whether the user is in one of the groups, e.g. {@link Roles#REGULATOR}: the dashboard's readers. */
  public boolean isInAny(List<String> groups) {
    return groups.stream().anyMatch(this::isIn);
  }

  /** The webapps' CSRF token of this session, for a page of ours to post back. */
  public String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token == null ? "" : token.toString();
  }
}
