package org.riskmonitor.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * People logged in to Tasklist, each with the session cookie and CSRF token their browser would
 * hold: logged in on first use as Tasklist's login page does (a GET that hands out the token of the
 * anonymous session, the login form posted with it), afterwards every request carrying the cookies
 * and the {@code X-XSRF-TOKEN} header, and every cookie an answer sets kept, as a browser does.
 */
public final class WebappSessions {

  private static final String AUTH = "/camunda/api/admin/auth/user/default";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** The person's session, logged in through the given server (or load balancer) the first time. */
  Session of(String user, String base) throws IOException {
    try {
      return sessions.computeIfAbsent(user, u -> {
        try {
          return Session.logIn(u, base);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Logs the people in now, through the given server or load balancer. */
  public void logIn(List<String> users, String base) throws IOException {
    for (String user : users) {
      of(user, base);
    }
  }

  public List<Session> all() {
    return List.copyOf(sessions.values());
  }

  /** One person's browser, as far as the server sees it: their cookies. */
  public static final class Session {

    public final String user;
    /** The session cookie the login gave. */
    public final String loggedInAs;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    /** Answers that set another session cookie than the login's: the person was logged out. */
    private final List<String> replaced = new CopyOnWriteArrayList<>();

    private Session(String user, Map<String, String> cookies) {
      this.user = user;
      this.cookies.putAll(cookies);
      this.loggedInAs = cookies.get("SESSION");
    }

    static Session logIn(String user, String base) throws IOException {
      Map<String, String> cookies = new ConcurrentHashMap<>();
      HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + AUTH)).GET(), cookies);
      if (page.statusCode() != 404 || !cookies.containsKey("XSRF-TOKEN")) {
        throw new IllegalStateException("the login page of " + user + " answered " + page.statusCode() + " " + cookies.keySet());
      }
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
      HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + AUTH + "/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)), cookies);
      if (login.statusCode() != 200) {
        throw new IllegalStateException("login of " + user + " answered " + login.statusCode() + ": " + login.body());
      }
      return new Session(user, cookies);
    }

    /** The request as the browser sends it: its cookies, and the token the webapps read from one of them. */
    HttpRequest.Builder signed(HttpRequest.Builder request) {
      return sign(request, cookies);
    }

    /** Keeps what the answer sets, noting a new session cookie. */
    void took(HttpResponse<String> response) {
      keep(response, cookies);
      if (!loggedInAs.equals(cookies.get("SESSION"))) {
        replaced.add(response.request().method() + " " + response.request().uri() + " " + response.statusCode());
      }
    }

    public List<String> replaced() {
      return List.copyOf(replaced);
    }

    /** Who the webapps say is logged in with this session, or null. */
    public String loggedInUser(String base) throws IOException {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + AUTH)).GET(), cookies);
      if (answer.statusCode() != 200) {
        return null;
      }
      JsonNode body = Rest.JSON.readTree(answer.body());
      return body.path("userId").asText(null);
    }

    private static HttpRequest.Builder sign(HttpRequest.Builder request, Map<String, String> cookies) {
      if (!cookies.isEmpty()) {
        request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
            .toList()));
      }
      String token = cookies.get("XSRF-TOKEN");
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies) throws IOException {
      try {
        HttpResponse<String> response = HTTP.send(sign(request.timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json"), cookies).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        keep(response, cookies);
        return response;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }

    private static void keep(HttpResponse<String> response, Map<String, String> cookies) {
      for (String cookie : response.headers().allValues("Set-Cookie")) {
        String[] pair = cookie.split(";", 2)[0].split("=", 2);
        if (pair.length == 2 && !pair[1].isEmpty()) {
          cookies.put(pair[0].trim(), pair[1].trim());
        }
      }
    }
  }
}
