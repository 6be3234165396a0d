package org.riskmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.DemoPeople;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps' session lives in the database (Spring Session JDBC), so any node of a cluster
 * serves it: after a Tasklist login the session's row holds the user's Camunda authentications
 * (read back here from the stored bytes) and its CSRF token; the session id changed at the login.
 * The token comes with the login's answer, so the GETs Tasklist sends at once after it, each
 * reading its own copy of the session, do not each make a token of their own (the browser would
 * keep one, the database another, and the next change would be refused and the user logged out).
 */
class HttpSessionStoreTest extends RiskMonitorTest {

  private static final String AUTH = "/camunda/api/admin/auth/user/default";
  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  private int port;

  @Test
  void tasklistLogin_isStoredInTheDatabase_andItsTokenComesWithTheLogin() throws Exception {
    Map<String, String> cookies = new LinkedHashMap<>();
    HttpResponse<String> firstVisit = send(get(AUTH), cookies, null);
    assertThat(firstVisit.statusCode()).as("not logged in yet").isEqualTo(404);
    String anonymousSession = sessionId(cookies);
    String anonymousToken = firstVisit.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    assertThat(cookies).containsEntry("XSRF-TOKEN", anonymousToken);

    HttpResponse<String> login = send(request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=coordinator&password="
            + URLEncoder.encode(DemoPeople.PASSWORD, StandardCharsets.UTF_8))), cookies, anonymousToken);
    assertThat(login.statusCode()).isEqualTo(200);
    String session = sessionId(cookies);
    String token = login.headers().firstValue("X-XSRF-TOKEN").orElse(null);
    assertThat(session).as("a new session at the login").isNotEqualTo(anonymousSession);
    assertThat(token).as("the new session's token, in the login's answer").isNotNull().isNotEqualTo(anonymousToken);
    assertThat(cookies).containsEntry("XSRF-TOKEN", token);
    assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("SESSION="))
        .singleElement().asString().contains("HttpOnly", "SameSite=Lax");

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", Long.class,
        anonymousSession)).as("the session before the login").isZero();
    Map<String, byte[]> stored = new LinkedHashMap<>();
    jdbc.query("SELECT a.ATTRIBUTE_NAME, a.ATTRIBUTE_BYTES FROM SPRING_SESSION_ATTRIBUTES a "
            + "JOIN SPRING_SESSION s ON s.PRIMARY_ID = a.SESSION_PRIMARY_ID WHERE s.SESSION_ID = ?",
        row -> {
          stored.put(row.getString(1), row.getBytes(2));
        }, session);
    assertThat(stored).containsKeys("authenticatedUser", "CAMUNDA_CSRF_TOKEN");
    assertThat(deserialize(stored.get("CAMUNDA_CSRF_TOKEN"))).isEqualTo(token);
    Authentications authentications = (Authentications) deserialize(stored.get("authenticatedUser"));
    UserAuthentication user = (UserAuthentication) authentications.getAuthenticationForProcessEngine(engine.getName());
    assertThat(user.getIdentityId()).isEqualTo("coordinator");
    assertThat(user.getGroupIds()).contains(Roles.COORDINATORS);
    assertThat(user.isAuthorizedForApp("tasklist")).isTrue();

    // what Tasklist asks at once after its login: no answer hands out another token
    List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
    for (String path : List.of(AUTH, ENGINE + "/filter/count?itemCount=false&resourceType=Task",
        ENGINE + "/filter?itemCount=false&resourceType=Task", AUTH)) {
      atOnce.add(HTTP.sendAsync(withSession(get(path), cookies, token).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }
    for (CompletableFuture<HttpResponse<String>> answer : atOnce) {
      assertThat(answer.get().statusCode()).as(answer.get().uri().toString()).isEqualTo(200);
      assertThat(answer.get().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("XSRF-TOKEN="));
    }

    // a change with the token is accepted, and our own pages take the same session
    String filter = JSON.readTree(atOnce.get(2).get().body()).get(0).path("id").asText();
    HttpResponse<String> taskList = send(request(ENGINE + "/filter/" + filter + "/list?firstResult=0&maxResults=15")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")), cookies, token);
    assertThat(taskList.statusCode()).isEqualTo(200);
    assertThat(send(get("/dashboard"), cookies, token).statusCode()).as("the dashboard, logged in").isEqualTo(200);
    assertThat(sessionId(cookies)).isEqualTo(session);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies, String token)
      throws Exception {
    HttpResponse<String> response = HTTP.send(withSession(request, cookies, token).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    for (String cookie : response.headers().allValues("Set-Cookie")) {
      String[] pair = cookie.split(";", 2)[0].split("=", 2);
      if (pair[1].isEmpty()) {
        cookies.remove(pair[0]);
      } else {
        cookies.put(pair[0], pair[1]);
      }
    }
    return response;
  }

  private static HttpRequest.Builder withSession(HttpRequest.Builder request, Map<String, String> cookies, String token) {
    if (!cookies.isEmpty()) {
      request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
          .toList()));
    }
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return request;
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "application/json");
  }

  /** The id Spring Session stores, from its cookie (Base64 of the id). */
  private static String sessionId(Map<String, String> cookies) {
    assertThat(cookies).containsKey("SESSION");
    return new String(Base64.getDecoder().decode(cookies.get("SESSION")), StandardCharsets.UTF_8);
  }

  private static Object deserialize(byte[] bytes) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }
}
