package org.riskmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A user refused for failed logins is told why and what to do, over HTTP Basic and on the webapps'
 * login form (Tasklist's endpoint): during the delay how many seconds to wait, once locked to ask the
 * system administrator. A wrong password and an unknown user get the same answer, also on a second
 * try (an unknown id is delayed like a user).
 */
class LoginMessageTest extends RiskMonitorTest {

  private static final String PASSWORD = "Login-Probe-2026!";
  private static final String WRONG = "Login-Probe-2025?";
  private static final AtomicInteger USERS = new AtomicInteger();

  @Autowired
  private TestRestTemplate rest;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void basicAuthentication_saysHowLongToWait_andWhomToAsk() {
    String user = newUser();
    String unknown = "nosuch" + user;

    ResponseEntity<String> wrongPassword = basic(user, WRONG);
    ResponseEntity<String> unknownUser = basic(unknown, WRONG);
    assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    assertSameAnswer(unknownUser, wrongPassword);

    // the right password a second later: the engine still delays this user (3 s after one failure)
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 1_000));
    ResponseEntity<String> delayed = basic(user, PASSWORD);
    assertThat(delayed.getStatusCode().value()).isEqualTo(429);
    assertThat(delayed.getHeaders().getFirst("Retry-After")).isEqualTo("2");
    assertThat(delayed.getBody()).contains("请等待2秒后再试", "please wait 2 seconds");
    assertSameAnswer(basic(unknown, WRONG), delayed);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 3_500));
    assertThat(basic(user, PASSWORD).getStatusCode().value()).isEqualTo(200);

    // a fresh unknown id: the first one's failures were not reset by a successful login
    unknown = "locked" + unknown;
    lockOut(user, unknown, false);
    ResponseEntity<String> locked = basic(user, PASSWORD);
    assertThat(locked.getStatusCode().value()).isEqualTo(403);
    assertThat(locked.getBody()).contains("账号已锁定", "请联系系统管理员解锁", "ask the system administrator to unlock it");
    assertSameAnswer(basic(unknown, PASSWORD), locked);

    engine.getIdentityService().unlockUser(user);
    assertThat(basic(user, PASSWORD).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void tasklistLogin_saysHowLongToWait_andWhomToAsk() {
    String user = newUser();
    String unknown = "nosuch" + user;

    ResponseEntity<String> wrongPassword = tasklistLogin(user, WRONG);
    ResponseEntity<String> unknownUser = tasklistLogin(unknown, WRONG);
    assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    assertSameAnswer(unknownUser, wrongPassword);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 1_000));
    ResponseEntity<String> delayed = tasklistLogin(user, PASSWORD);
    assertThat(delayed.getStatusCode().value()).isEqualTo(429);
    assertThat(delayed.getBody()).contains("\"message\"", "请等待2秒后再试", "please wait 2 seconds");
    assertSameAnswer(tasklistLogin(unknown, WRONG), delayed);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 3_500));
    assertThat(tasklistLogin(user, PASSWORD).getStatusCode().value()).isEqualTo(200);

    // a fresh unknown id: the first one's failures were not reset by a successful login
    unknown = "locked" + unknown;
    lockOut(user, unknown, true);
    ResponseEntity<String> locked = tasklistLogin(user, PASSWORD);
    assertThat(locked.getStatusCode().value()).isEqualTo(403);
    assertThat(locked.getBody()).contains("账号已锁定", "请联系系统管理员解锁", "ask the system administrator to unlock it");
    assertSameAnswer(tasklistLogin(unknown, PASSWORD), locked);
  }

  /**
   * Ten failed logins, each after the previous delay has passed: the engine locks the user; an
   * unknown id failing beside it gets the same answers.
   */
  private void lockOut(String user, String unknown, boolean tasklist) {
    long now = ClockUtil.getCurrentTime().getTime();
    for (int attempt = 1; attempt <= 10; attempt++) {
      now += 61_000;
      ClockUtil.setCurrentTime(new Date(now));
      ResponseEntity<String> wrong = tasklist ? tasklistLogin(user, WRONG) : basic(user, WRONG);
      ResponseEntity<String> unknownUser = tasklist ? tasklistLogin(unknown, WRONG) : basic(unknown, WRONG);
      assertSameAnswer(unknownUser, wrong);
    }
  }

  private static void assertSameAnswer(ResponseEntity<String> actual, ResponseEntity<String> expected) {
    assertThat(actual.getStatusCode()).isEqualTo(expected.getStatusCode());
    // Spring's error answer carries the time it was given
    assertThat(withoutTimestamp(actual.getBody())).isEqualTo(withoutTimestamp(expected.getBody()));
    assertThat(actual.getHeaders().getFirst("Retry-After")).isEqualTo(expected.getHeaders().getFirst("Retry-After"));
  }

  private static String withoutTimestamp(String body) {
    return body == null ? null : body.replaceAll("\"timestamp\":\"[^\"]*\",?", "");
  }

  private ResponseEntity<String> basic(String user, String password) {
    return rest.withBasicAuth(user, password).getForEntity("/engine-rest/task?maxResults=1", String.class);
  }

  /** As Tasklist's login form posts it: with the session and CSRF token the login page was given. */
  private ResponseEntity<String> tasklistLogin(String user, String password) {
    HttpHeaders page = rest.getForEntity("/camunda/app/tasklist/", String.class).getHeaders();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set(HttpHeaders.ORIGIN, rest.getRootUri());
    headers.set(HttpHeaders.REFERER, rest.getRootUri() + "/camunda/app/tasklist/");
    headers.set("X-XSRF-TOKEN", page.getFirst("X-XSRF-TOKEN"));
    headers.put(HttpHeaders.COOKIE, page.get(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";", 2)[0]).toList());
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist", new HttpEntity<>(form, headers),
        String.class);
  }

  /**
   * A user of its own per test, with a password the policy accepts, in the enterprises' role group
   * only: Tasklist and its own tasks, of which it has none (no company's group, so no case is ever
   * offered to it).
   */
  private String newUser() {
    IdentityService identity = engine.getIdentityService();
    String id = "loginprobe" + USERS.incrementAndGet();
    User user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, Roles.ENTERPRISES);
    return id;
  }
}
