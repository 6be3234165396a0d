package org.riskmonitor.taskquery;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the engine commands of one read-only request share their authorization reads
 * ({@link AuthorizationReads}): one Tasklist page runs four or more commands as the same user, and
 * each read the same groups and grants again (docs/tasklist.md, "At national scale"). Read-only
 * means a GET, or a POST that asks for a list or a count ({@code filter/{id}/list},
 * {@code task/count}...): requests that change nothing, so nothing they read can go stale within
 * them; a write through the engine forgets the reads in any case. Other requests read per command,
 * as before. What does not depend on grants on one task is kept across requests too, while the
 * authorization version stays ({@link AuthorizationReadsAcrossRequests}).
 */
@Component
public class ReadOnlyRequestAuthorizationReads extends OncePerRequestFilter {

  private final AuthorizationReadsAcrossRequests acrossRequests;

  public ReadOnlyRequestAuthorizationReads(AuthorizationReadsAcrossRequests acrossRequests) {
    this.acrossRequests = acrossRequests;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !readOnly(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try (AuthorizationReads.RequestReads reads = AuthorizationReads.openForRequest(acrossRequests)) {
      chain.doFilter(request, response);
    }
  }

  static boolean readOnly(HttpServletRequest request) {
    String path = request.getRequestURI();
    return switch (request.getMethod()) {
      case "GET", "HEAD" -> true;
      case "POST" -> path.endsWith("/list") || path.endsWith("/count");
      default -> false;
    };
  }
}
