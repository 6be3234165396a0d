package org.riskmonitor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a webapp session its CSRF token in the request that creates it (a first visit, or the
 * login, which replaces the session), instead of in the next GET as Camunda's own filter does.
 * With the session in the database that next moment is a race: Tasklist sends several GETs at
 * once right after its login, on one node or several, each loads its own copy of the session,
 * finds no token and makes one; the browser keeps one token, the database another, and the next
 * change is refused with 403 and the session ended (the user is logged out). On one node with
 * sessions in memory Camunda's session mutex prevented this; across nodes nothing in memory can.
 * Runs after Spring Session's filter and before the webapps' filters, so the webapps' login and
 * CSRF filter see the request it wraps. The token, its cookie and header are made by Camunda's
 * own filter, configured as the starter configures it ({@code camunda.bpm.webapp.csrf}).
 * Webapp internals (Camunda 7.24's {@code CsrfPreventionFilter.setCSRFToken}): the webapps offer no
 * public way to give a session its token; HttpSessionStoreTest and ClusterIT cover it.
 */
public class SessionCsrfToken extends OncePerRequestFilter {

  private final Map<String, String> csrfInitParams;
  private final TokenIssuer issuer = new TokenIssuer();

  public SessionCsrfToken(Map<String, String> csrfInitParams) {
    this.csrfInitParams = new HashMap<>(csrfInitParams);
  }

  @Override
  protected void initFilterBean() throws ServletException {
    issuer.init(new Config(csrfInitParams, getServletContext()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public HttpSession getSession() {
        return getSession(true);
      }

      @Override
      public HttpSession getSession(boolean create) {
        HttpSession session = super.getSession(create);
        if (session != null && session.isNew() && !response.isCommitted()
            && session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) == null) {
          // the wrapped request: it answers with this same new session
          issuer.issue(request, response);
        }
        return session;
      }
    }, response);
  }

  /** Camunda's CSRF filter, used only for making a session's token as the webapps expect it. */
  private static final class TokenIssuer extends CsrfPreventionFilter {

    void issue(HttpServletRequest request, HttpServletResponse response) {
      setCSRFToken(request, response);
    }
  }

  private record Config(Map<String, String> params, ServletContext servletContext) implements FilterConfig {

    @Override
    public String getFilterName() {
      return "riskmonitorSessionCsrfToken";
    }

    @Override
    public ServletContext getServletContext() {
      return servletContext;
    }

    @Override
    public String getInitParameter(String name) {
      return params.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
      return Collections.enumeration(params.keySet());
    }
  }
}
