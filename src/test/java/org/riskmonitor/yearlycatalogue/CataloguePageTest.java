package org.riskmonitor.yearlycatalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CatalogueRoundWalker;
import org.riskmonitor.demo.DemoPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The year's catalogue page: the regulator's staff read it, coordinators ask for a revision there, nobody else comes in. */
class CataloguePageTest extends RiskMonitorTest {

  private static final int YEAR = 2036;

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private CatalogueRoundWalker walker;

  @Autowired
  private YearlyCatalogues catalogues;

  @LocalServerPort
  private int port;

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  @Test
  void aManagerSeesTheApprovedKinds_anEnterpriseAndALabAreRefused_aCoordinatorAsksForARevision() throws Exception {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(YEAR, 3, 1).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    walker.topic("学生文具套装", "CHILDREN_PRODUCT", "CHILDREN_STUDENTS", 3, true);
    walker.topic("硅胶保鲜盒", "FOOD_CONTACT_PLASTIC", "FOOD_CONTACT", 2, true);
    ProcessInstance round = walker.openRound(YEAR, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 3, 1));
    walker.runTimer(round.getId());
    walker.approveAsProposed(round);

    ResponseEntity<String> page = get("manager", "/catalogue/" + YEAR);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("2036年度重点产品目录 Key-product catalogue 2036",
        "现行目录 In force: 第1版 version 1",
        "儿童用品 Children&#39;s products", "儿童和学生用品 Children&#39;s and students&#39; products",
        "食品接触用塑料制品 Food-contact plastics", "食品接触产品 Food-contact products",
        "小零件脱落致窒息、锐利边缘、邻苯二甲酸酯", "<td>3</td>", "<td>2</td>", "已批准 Approved")
        .doesNotContain("申请修订 Request a revision");
    assertThat(get("expert1", "/catalogue/" + YEAR).getStatusCode().value()).isEqualTo(200);
    assertThat(get("coordinator", "/catalogue/" + YEAR).getBody()).contains("申请修订 Request a revision");

    for (String outsider : new String[] {"enterprise1", "lab1", "sampler"}) {
      ResponseEntity<String> refused = get(outsider, "/catalogue/" + YEAR);
      assertThat(refused.getStatusCode().value()).as(outsider).isEqualTo(403);
      assertThat(refused.getBody()).as(outsider).contains("无权访问 Not allowed").doesNotContain("学生");
    }
    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/catalogue/" + YEAR)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/camunda/app/tasklist/");
    assertThat(get("manager", "/catalogue/2098").getBody()).contains("该年度尚未开启征集轮次。No catalogue round for this year yet");

    assertThat(post("manager", "/catalogue/" + YEAR + "/revision", "经理想修订").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> noReason = post("coordinator", "/catalogue/" + YEAR + "/revision", " ");
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).contains("修订理由 Reason for the revision：必填 required");
    assertThat(catalogues.versions(YEAR)).hasSize(1);

    ResponseEntity<String> revised = post("coordinator", "/catalogue/" + YEAR + "/revision", "增加老年人用品 Add products for the elderly");
    assertThat(revised.getStatusCode().value()).isEqualTo(200);
    assertThat(revised.getBody()).contains("起草中 Being drafted", "增加老年人用品 Add products for the elderly",
        "现行目录 In force: 第1版 version 1");
    assertThat(walker.openTask(round).getTaskDefinitionKey()).isEqualTo("Task_DraftCatalogue");
  }

  @Test
  void onlyCoordinatorsOpenARoundOverRest_andABadYearIsRefusedWith400() {
    int farYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 5;
    String body = "{\"variables\": {\"roundYear\": {\"value\": " + farYear + ", \"type\": \"Integer\"},"
        + "\"opensOn\": {\"value\": \"" + farYear + "-03-01\", \"type\": \"String\"},"
        + "\"closesOn\": {\"value\": \"" + farYear + "-04-30\", \"type\": \"String\"}}}";
    long rounds = count("rm_catalogue_round", "1 = 1");
    for (String other : new String[] {"manager", "expert1", "enterprise1"}) {
      assertThat(startOverRest(other, body).getStatusCode().value()).as(other).isEqualTo(403);
    }
    ResponseEntity<String> refused = startOverRest("coordinator", body);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("年度 Year：只能是今年或明年");
    assertThat(count("rm_catalogue_round", "1 = 1")).isEqualTo(rounds);
  }

  private ResponseEntity<String> startOverRest(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).postForEntity(
        "/engine-rest/process-definition/key/" + YearlyCatalogues.PROCESS_KEY + "/submit-form",
        new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity(path, String.class);
  }

  private ResponseEntity<String> post(String user, String path, String reason) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("reason", reason);
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }
}
