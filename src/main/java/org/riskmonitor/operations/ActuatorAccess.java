package org.riskmonitor.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.riskmonitor.security.RequestAuthentication;
import org.riskmonitor.security.Roles;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator on the application's own port. A load balancer's probes (liveness, readiness)
 * answer anyone: a status and nothing else. Everything else (health details, the Prometheus
 * figures) is for administrators only, members of camunda-admin, who are identified as
 * {@link RequestAuthentication} identifies every caller of our API: the Camunda webapps' session
 * or HTTP Basic against the Camunda identity, with its lockout. No user: 401; anyone else: 403.
 */
public class ActuatorAccess extends OncePerRequestFilter {

  /** Exact paths: any other spelling is refused unless the caller is an administrator. */
  private static final Set<String> PROBES = Set.of("/actuator/health/liveness", "/actuator/health/readiness");

  private final ProcessEngine engine;
  private final RequestAuthentication authentication;

  /** {@code authentication}: the filter that guards our API, so administrators log in here exactly as there. */
  public ActuatorAccess(ProcessEngine engine, RequestAuthentication authentication) {
    this.engine = engine;
    this.authentication = authentication;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (PROBES.contains(request.getRequestURI().substring(request.getContextPath().length()))) {
      chain.doFilter(request, response);
      return;
    }
    authentication.doFilter(request, response, (authenticated, answer) -> {
      Authentication user = engine.getIdentityService().getCurrentAuthentication();
      if (user != null && user.getGroupIds() != null && user.getGroupIds().contains(Roles.ADMINS)) {
        chain.doFilter(authenticated, answer);
        return;
      }
      HttpServletResponse refused = (HttpServletResponse) answer;
      refused.setStatus(HttpServletResponse.SC_FORBIDDEN);
      refused.setContentType("application/json;charset=UTF-8");
      refused.getWriter().write("{\"type\":\"AuthorizationError\",\"message\":\"仅限系统管理员 Administrators only\"}");
    });
  }
}
