package org.riskmonitor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is calling {@code /engine-rest} and our {@code /api}: the user logged in to the Camunda
 * webapps (their session), or HTTP Basic checked against the Camunda identity. The engine then
 * applies that user's authorizations. No user: 401 (our pages, /manage, /dashboard and /catalogue, redirect to the
 * Tasklist login instead). A session-authenticated change must carry the webapps' CSRF token,
 * as the webapps' own API requires.
 */
public class RequestAuthentication extends OncePerRequestFilter {

  private static final String BASIC = "Basic ";
  public static final String CSRF_FIELD = "csrfToken";

  private final ProcessEngine engine;
  private final LoginThrottle throttle;

  public RequestAuthentication(ProcessEngine engine, LoginThrottle throttle) {
    this.engine = engine;
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    IdentityService identity = engine.getIdentityService();
    UserAuthentication fromSession = sessionUser(request);
    String userId;
    List<String> groups;
    List<String> tenants;
    if (fromSession != null) {
      if (!csrfTokenMatches(request)) {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, "缺少或错误的CSRF令牌 CSRF token missing or wrong");
        return;
      }
      userId = fromSession.getIdentityId();
      groups = fromSession.getGroupIds();
      tenants = fromSession.getTenantIds();
    } else {
      Credentials credentials = basicCredentials(request);
      LoginThrottle.Refusal refusal = credentials == null ? null : throttle.refusal(credentials.userId());
      if (refusal != null) {
        refusal.answer(response);
        return;
      }
      userId = credentials != null && identity.checkPassword(credentials.userId(), credentials.password())
          ? credentials.userId() : null;
      if (userId == null && (request.getRequestURI().startsWith(request.getContextPath() + "/manage/")
          || request.getRequestURI().startsWith(request.getContextPath() + "/dashboard")
          || request.getRequestURI().startsWith(request.getContextPath() + "/catalogue/")
          || request.getRequestURI().startsWith(request.getContextPath() + "/sampling/"))) {
        // our pages: log in through Tasklist, which sets the session they use
        response.sendRedirect(request.getContextPath() + "/camunda/app/tasklist/");
        return;
      }
      if (userId == null) {
        // no Basic challenge: a browser would ask for a password, keep it and send it along with
        // every later request, cross-site ones included; API clients send Basic unasked
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录 Authentication required");
        return;
      }
      groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
          .map(Tenant::getId).toList();
    }
    identity.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private UserAuthentication sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(engine.getName());
    return authentication instanceof UserAuthentication user ? user : null;
  }

  private static boolean csrfTokenMatches(HttpServletRequest request) {
    if (CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(request.getMethod()).matches()) {
      return true;
    }
    Object expected = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    if (sent == null && request.getContentType() != null
        && request.getContentType().startsWith("application/x-www-form-urlencoded")) {
      // a page of ours posts the token as a form field
      sent = request.getParameter(CSRF_FIELD);
    }
    return expected != null && expected.equals(sent);
  }

  /** User id and password of HTTP Basic; checking them counts failures towards the engine's lockout. */
  private static Credentials basicCredentials(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private record Credentials(String userId, String password) {
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"AuthenticationError\",\"message\":\"" + message + "\"}");
  }
}
