package org.riskmonitor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser-side protections of our own pages and API (dashboard, /manage, /api, static files):
 * nothing of ours may be framed, sniffed into another type, or run script that is not a file we
 * serve. Camunda's webapps and its REST API set their own headers and are left alone.
 */
public class SecurityHeaders extends OncePerRequestFilter {

  /**
   * Scripts, styles, images, fonts and requests from our own origin only (images also from blob:, the
   * photos a sampler's phone keeps until it can send them); no inline script (the
   * dashboard's chart data is a JSON block, which is not executed). Inline style attributes are
   * allowed, and only they: bpmn-js positions its overlays and ECharts its tooltips with them.
   */
  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/camunda/") && !path.startsWith("/engine-rest/")) {
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Referrer-Policy", "same-origin");
    }
    chain.doFilter(request, response);
  }
}
