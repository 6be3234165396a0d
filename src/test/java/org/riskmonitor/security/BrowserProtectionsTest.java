package org.riskmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * What our responses tell the browser: a strict Content-Security-Policy, no framing, no sniffing,
 * no referrer outside our origin, on every kind of response of ours, refusals included; and no
 * Basic challenge that would make a browser keep credentials. That the dashboard still works under
 * the policy is proved in Chromium by {@code DashboardBrowserTest}.
 */
class BrowserProtectionsTest extends RiskMonitorTest {

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private CaseWalker walker;

  @Test
  void everyKindOfResponseOfOurs_carriesTheProtections_camundasWebappsKeepTheirOwn() {
    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    Map<String, ResponseEntity<String>> responses = new LinkedHashMap<>();
    responses.put("dashboard", get("manager", "/dashboard"));
    responses.put("dashboard case page", get("manager", "/dashboard/cases/" + caseNumber));
    responses.put("dashboard export", get("manager", "/dashboard/export/figures.csv"));
    responses.put("programme report", get("manager", "/dashboard/programme-report.pdf"));
    responses.put("dashboard refused", get("enterprise1", "/dashboard"));
    responses.put("manage page", get("coordinator", "/manage/experts"));
    responses.put("manage refused", get("enterprise1", "/manage/labs"));
    responses.put("api", get("enterprise1", "/api/cases/" + caseNumber + "/documents"));
    responses.put("api refused", get("enterprise2", "/api/cases/" + caseNumber + "/documents"));
    responses.put("api without a user", rest.getForEntity("/api/cases/" + caseNumber + "/documents", String.class));
    responses.put("bad input", get("manager", "/dashboard?from=yesterday"));
    responses.put("script file", rest.getForEntity("/dashboard.js", String.class));
    responses.put("style file", rest.getForEntity("/manage.css", String.class));
    responses.put("library file",
        rest.getForEntity("/webjars/bpmn-js/8.0.0/dist/bpmn-navigated-viewer.production.min.js", String.class));

    responses.forEach((kind, response) -> {
      HttpHeaders headers = response.getHeaders();
      assertThat(headers.get("Content-Security-Policy")).as(kind).containsExactly(SecurityHeaders.CONTENT_SECURITY_POLICY);
      assertThat(headers.get("X-Frame-Options")).as(kind).containsExactly("DENY");
      assertThat(headers.get("X-Content-Type-Options")).as(kind).containsExactly("nosniff");
      assertThat(headers.get("Referrer-Policy")).as(kind).containsExactly("same-origin");
    });
    assertThat(responses.get("dashboard").getStatusCode().value()).isEqualTo(200);
    assertThat(responses.get("api without a user").getStatusCode().value()).isEqualTo(401);
    List<String> directives = List.of(SecurityHeaders.CONTENT_SECURITY_POLICY.split("; "));
    assertThat(directives).contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
        "frame-ancestors 'none'");
    assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).doesNotContain("unsafe-eval", "*", "data:", "http:");
    assertThat(directives.stream().filter(d -> d.contains("unsafe-inline"))).containsExactly("style-src-attr 'unsafe-inline'");

    ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/", String.class);
    assertThat(tasklist.getStatusCode().value()).isEqualTo(200);
    assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy")).isNotEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
  }

  @Test
  void noBasicChallengeForBrowsers_apiClientsSendBasicAndKeepWorking() {
    for (String path : List.of("/engine-rest/task", "/api/cases/TJ-2026-000001/documents", "/api/tasks/x/reassignment")) {
      ResponseEntity<String> anonymous = rest.getForEntity(path, String.class);
      assertThat(anonymous.getStatusCode().value()).as(path).isEqualTo(401);
      assertThat(anonymous.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as(path).isNull();
      assertThat(anonymous.getBody()).contains("请先登录", "Authentication required");
    }
    // an unknown user: a demo user's failed logins would slow down the other tests' logins; an id of
    // this test's own, as an unknown id's failed login delays its next one (LoginThrottle)
    ResponseEntity<String> wrong = rest.withBasicAuth("nobody-at-the-browser", "wrong").getForEntity("/engine-rest/task", String.class);
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    assertThat(wrong.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();

    assertThat(get("enterprise1", "/engine-rest/task").getStatusCode().value()).isEqualTo(200);
    assertThat(get("enterprise1", "/api/cases/TJ-2026-999999/documents").getStatusCode().value()).isEqualTo(404);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity(path, String.class);
  }
}
