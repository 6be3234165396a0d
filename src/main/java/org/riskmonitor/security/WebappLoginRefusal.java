package org.riskmonitor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form of Tasklist, Cockpit and Admin posts to
 * {@code /camunda/api/admin/auth/user/{engine}/login/{app}}, whose refusal is a bare 401 that Tasklist
 * shows as "wrong user name or password, or locked". A user the engine is refusing because of failed
 * logins is answered here instead, with what to do; Tasklist shows the answer's {@code message}. Any
 * other login goes on to the webapps unchanged, so a wrong password and an unknown user still get
 * the same answer.
 */
public class WebappLoginRefusal extends OncePerRequestFilter {

  /** A login form is a user name and a password; anything larger is no login of ours to look at. */
  private static final int MAX_FORM = 4096;

  private final LoginThrottle throttle;

  public WebappLoginRefusal(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // read from a copy of the body: request.getParameter would consume it before the webapps' resource
    byte[] body = request.getInputStream().readNBytes(MAX_FORM + 1);
    if (body.length <= MAX_FORM) {
      LoginThrottle.Refusal refusal = throttle.refusal(username(body));
      if (refusal != null) {
        refusal.answer(response);
        return;
      }
    }
    chain.doFilter(new ReplayedBody(request, body), response);
  }

  private static String username(byte[] form) {
    for (String pair : new String(form, StandardCharsets.US_ASCII).split("&")) {
      if (pair.startsWith("username=")) {
        return URLDecoder.decode(pair.substring("username=".length()), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** The request with the body read above given again, then the rest of it, to whoever reads it next. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {

    private final ServletInputStream body;

    ReplayedBody(HttpServletRequest request, byte[] head) throws IOException {
      super(request);
      ByteArrayInputStream first = new ByteArrayInputStream(head);
      ServletInputStream rest = request.getInputStream();
      this.body = new ServletInputStream() {
        @Override
        public int read() throws IOException {
          int b = first.read();
          return b >= 0 ? b : rest.read();
        }

        @Override
        public boolean isFinished() {
          return first.available() == 0 && rest.isFinished();
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the login form is read blocking");
        }
      };
    }

    @Override
    public ServletInputStream getInputStream() {
      return body;
    }
  }
}
