package org.riskmonitor.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.publication.ItemType;
import org.riskmonitor.publication.Publications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The public site, its feed and its API, read without login: the same published items under the
 * same filters, every value escaped, a bad filter answered 400 in both languages, and nothing
 * proposed, rejected, withdrawn or of a case inside its objection window reachable by any number
 * or parameter. Its items are published in June 2032, a month no other test uses.
 */
class PublicSiteTest extends RiskMonitorTest {

  private static final List<String> E_BIKES = DemoPeople.ENTERPRISES.get(0);
  private static final List<String> CABLES = DemoPeople.ENTERPRISES.get(1);
  /**
   * Markup is refused where a product name is typed; a name from older data or another system may
   * still hold it, so the site must escape whatever it is given.
   */
  private static final String HOSTILE = "<script>alert('x')</script>&\"车\"[链接](javascript:alert(1))";
  private static final String JUNE = "from=2032-06-01&to=2032-06-30";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Items items;
  /** What the manager read in the approval form of the alert. */
  private static String alertPreview;

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TestRestTemplate rest;

  /** The numbers made once for the class: what is published, what is not. */
  private record Items(String alert, String result, String cableRed, List<String> unpublished, String windowCase) {
  }

  @BeforeEach
  void publishOnceInJune2032() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2032, 6, 15, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    if (items != null) {
      return;
    }
    String bikeCase = walker.open(E_BIKES.get(0), "E_BIKE", "电动自行车 公开2032").getBusinessKey();
    jdbc.update("UPDATE rm_monitoring_case SET product_name = ? WHERE case_number = ?", HOSTILE, bikeCase);
    walker.finish(bikeCase, Route.remediated());
    String cableCase = walker.open(CABLES.get(0), "WIRE_CABLE", "聚氯乙烯绝缘电缆 公开2032").getBusinessKey();
    walker.finish(cableCase, Route.remediated().with(r -> r.riskLevel = org.riskmonitor.risk.RiskLevel.LOW));
    String windowCase = walker.open(CABLES.get(0), "WIRE_CABLE", "电缆 异议期内2032").getBusinessKey();
    walker.advanceTo(windowCase, "Task_RespondToResult", Route.remediated());

    alertPreview = (String) engine.getTaskService().getVariable(engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(number(bikeCase, ItemType.CONSUMER_ALERT)).singleResult().getId(), "publicPreview");
    String alert = approve(bikeCase, ItemType.CONSUMER_ALERT);
    String result = approve(bikeCase, ItemType.MONITORING_RESULT);
    String cableRed = approve(cableCase, ItemType.RED_LIST);
    List<String> unpublished = new ArrayList<>(List.of(number(bikeCase, ItemType.RED_LIST)));
    String rejected = number(cableCase, ItemType.MONITORING_RESULT);
    decide(rejected, Map.of("publicationDecision", "REJECTED", "publicationRejectionReason", "内部：证据待补"));
    unpublished.add(rejected);
    items = new Items(alert, result, cableRed, unpublished, windowCase);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void searchByKindEnterpriseDistrictAndPeriod_findsTheSameItemsOnThePageInTheFeedAndInTheApi() throws Exception {
    assertThat(numbers("kind=E_BIKE&" + JUNE)).containsExactlyInAnyOrder(items.alert(), items.result());
    assertThat(numbers("kind=WIRE_CABLE&" + JUNE)).containsExactly(items.cableRed());
    assertThat(numbers("enterprise=" + E_BIKES.get(0) + "&" + JUNE)).containsExactlyInAnyOrder(items.alert(), items.result());
    assertThat(numbers("enterprise=北辰恒通&" + JUNE)).containsExactly(items.cableRed());
    assertThat(numbers("district=" + CABLES.get(3) + "&" + JUNE)).containsExactly(items.cableRed());
    assertThat(numbers("type=CONSUMER_ALERT&" + JUNE)).containsExactly(items.alert());
    assertThat(numbers("type=BULLETIN&" + JUNE)).isEmpty();
    assertThat(numbers("kind=E_BIKE&from=2032-07-01&to=2032-07-31")).isEmpty();
    assertThat(numbers("enterprise=%25&" + JUNE)).as("a LIKE wildcard is taken literally").isEmpty();

    String page = get("/public?kind=E_BIKE&" + JUNE).getBody();
    assertThat(page).contains(items.alert(), items.result(), "消费提示 Consumer alert", "形势分析专刊 Bulletin")
        .doesNotContain(items.cableRed());
    String cablePage = get("/public?type=RED_LIST&enterprise=" + CABLES.get(0) + "&" + JUNE).getBody();
    assertThat(cablePage).contains(items.cableRed(), CABLES.get(1), "红榜 Red list");

    String item = get("/public/items/" + items.alert()).getBody();
    assertThat(item).contains(E_BIKES.get(1), E_BIKES.get(0), "天津市市场监督管理局", "批号 Batch", "措施 Measures");
  }

  @Test
  void aHostileProductNameIsEscapedEverywhere() throws Exception {
    assertThat(alertPreview).as("the approval form's Markdown").contains("\\<script\\>alert\\('x'\\)",
        "\\[链接\\]\\(javascript:alert\\(1\\)\\)").doesNotContain("[链接](");
    String page = get("/public/items/" + items.alert()).getBody();
    assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;车&quot;[链接](javascript:alert(1))");
    assertThat(get("/public?" + JUNE).getBody()).doesNotContain("<script>alert");

    ResponseEntity<String> feed = get("/public/feed.atom?" + JUNE);
    assertThat(feed.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
    assertThat(feed.getBody()).doesNotContain("<script>");
    String summaries = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(feed.getBody().getBytes(StandardCharsets.UTF_8))).getDocumentElement()
        .getTextContent();
    assertThat(summaries).as("the feed parses as XML and reads back the name as typed").contains(HOSTILE);

    JsonNode api = JSON.readTree(get("/public/api/items?" + JUNE).getBody());
    assertThat(api.get("items").findValuesAsText("productName")).contains(HOSTILE);
  }

  @Test
  void badParametersGetABilingual400_neverA500() {
    for (String query : List.of("type=SECRET", "kind=NO_SUCH_KIND", "district=12ab", "from=2032-13-01",
        "from=2032-06-30&to=2032-06-01", "enterprise=" + "长".repeat(101), "from=1899-01-01")) {
      for (String path : List.of("/public?", "/public/feed.atom?", "/public/api/items?")) {
        ResponseEntity<String> answer = get(path + query, 400);
        assertThat(answer.getBody()).as(path + query).contains("查询条件有误", "The search cannot be served");
      }
    }
    assertThat(get("/public/catalogue?year=abc", 400).getBody()).contains("年度", "must be a year");
    assertThat(get("/public/catalogue?year=2032", 200).getBody()).contains("2032年度重点产品目录");
    assertThat(get("/public/items/GS-2032-%3Cb%3E", 404).getBody()).contains("No published item has this number")
        .doesNotContain("<b>");
  }

  @Test
  void nothingUnpublishedIsReachable_byGuessingNumbersOrThroughFeedAndApiParameters() throws Exception {
    Set<String> published = jdbc.queryForList("SELECT public_number FROM rm_publication WHERE status = 'PUBLISHED'",
        String.class).stream().collect(Collectors.toSet());
    long highest = jdbc.queryForObject("SELECT MAX(id) FROM rm_publication", Long.class);
    for (long id = 1; id <= highest + 3; id++) {
      String guess = String.format("GS-2032-%06d", id);
      int expected = published.contains(guess) ? 200 : 404;
      String status = jdbc.queryForList("SELECT status FROM rm_publication WHERE public_number = ?", String.class, guess)
          .stream().findFirst().orElse("NONE");
      if (status.equals("WITHDRAWN")) {
        continue;
      }
      assertThat(get("/public/items/" + guess).getStatusCode().value()).as(guess + " " + status).isEqualTo(expected);
      assertThat(get("/public/api/items/" + guess).getStatusCode().value()).as(guess + " " + status).isEqualTo(expected);
    }
    for (String unpublished : items.unpublished()) {
      assertThat(get("/public/items/" + unpublished).getStatusCode().value()).isEqualTo(404);
    }
    List<String> everything = new ArrayList<>();
    for (String query : List.of("", "type=RED_LIST", "type=MONITORING_RESULT", "kind=WIRE_CABLE", "kind=E_BIKE",
        "enterprise=" + CABLES.get(0), "enterprise=" + E_BIKES.get(0), "district=" + CABLES.get(3), JUNE)) {
      everything.add(get("/public?" + query).getBody());
      everything.add(get("/public/feed.atom?" + query).getBody());
      everything.add(get("/public/api/items?" + query).getBody());
    }
    for (String body : everything) {
      assertThat(body).doesNotContain(items.unpublished().toArray(String[]::new))
          .doesNotContain("电缆 异议期内2032", items.windowCase(), "内部：证据待补", CaseWalker.MANAGER, "approvedBy",
              "rejection", "caseId", "李明", "李 明");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_publication p JOIN rm_monitoring_case c ON c.id = p.case_id"
        + " WHERE c.case_number = ?", Integer.class, items.windowCase())).as("inside its objection window").isZero();
  }

  @Test
  void thePublicSiteNeedsNoLogin_theManagersListDoes() {
    assertThat(get("/public", 200).getBody()).contains("信息公开 Public information", "viewport");
    assertThat(rest.withBasicAuth("manager", DemoPeople.PASSWORD).getForEntity("/manage/publications", String.class)
        .getBody()).contains(items.alert(), items.unpublished().get(0), "撤回 Withdraw", "更正 Correct");
    assertThat(rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD).getForEntity("/manage/publications", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(rest.getForEntity("/manage/publications", String.class).getBody())
        .as("without login: the Tasklist login, not the managers' page").doesNotContain("信息公开管理", items.alert());

    String unpublished = items.unpublished().get(0);
    ResponseEntity<String> refused = rest.withBasicAuth("manager", DemoPeople.PASSWORD)
        .postForEntity("/manage/publications/" + unpublished + "/withdraw", null, String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).contains("Only a published item without an open correction or withdrawal");
    assertThat(rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD)
        .postForEntity("/manage/publications/" + items.result() + "/withdraw", null, String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(get("/public/items/" + items.result(), 200).getBody()).doesNotContain("本信息已撤回");
  }

  private List<String> numbers(String query) throws Exception {
    List<String> fromApi = JSON.readTree(get("/public/api/items?" + query).getBody()).get("items")
        .findValuesAsText("publicNumber");
    String feed = get("/public/feed.atom?" + query).getBody();
    String page = get("/public?" + query).getBody();
    for (String number : fromApi) {
      assertThat(feed).as("feed of " + query).contains("/public/items/" + number);
      assertThat(page).as("page of " + query).contains(number);
    }
    assertThat(feed.split("<entry>").length - 1).as("feed entries of " + query).isEqualTo(fromApi.size());
    return fromApi;
  }

  private ResponseEntity<String> get(String path) {
    return rest.getForEntity(path, String.class);
  }

  private ResponseEntity<String> get(String path, int status) {
    ResponseEntity<String> answer = get(path);
    assertThat(answer.getStatusCode().value()).as(path).isEqualTo(status);
    return answer;
  }

  private String number(String caseNumber, ItemType type) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Publications.PROCESS_KEY)
        .variableValueEquals("caseNumber", caseNumber).variableValueEquals("itemTypeName", type.label()).list().stream()
        .map(ProcessInstance::getBusinessKey).findFirst().orElseThrow(() -> new AssertionError(caseNumber + " " + type));
  }

  private String approve(String caseNumber, ItemType type) {
    String number = number(caseNumber, type);
    decide(number, Map.of("publicationDecision", "APPROVED"));
    return number;
  }

  private void decide(String publicNumber, Map<String, Object> values) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(publicNumber)
        .taskDefinitionKey("Task_ApprovePublication").singleResult();
    walker.as(CaseWalker.MANAGER, () -> {
      engine.getFormService().submitTaskForm(task.getId(), values);
      return null;
    });
  }
}
