package org.riskmonitor.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.DemoPeople;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public proposal page as a citizen's browser uses it: no login, the page's own token, a
 * per-address limit, and bad input refused in Chinese and English with nothing written.
 */
class ProposalPageTest extends RiskMonitorTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  /** Each test starts a fresh hour of the per-address limit (all requests here come from 127.0.0.1). */
  private static final AtomicInteger HOURS_AHEAD = new AtomicInteger();

  @LocalServerPort
  private int port;

  private HttpClient browser;

  @BeforeEach
  void freshBrowserInAFreshHour() {
    browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + HOURS_AHEAD.addAndGet(3) * 3_600_000L));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aCitizenProposesWithoutLoggingIn_theProposalIsStoredAndItsTriageStarts() throws Exception {
    HttpResponse<String> page = get("/proposals/new");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("市民定制", "Propose a product to monitor", "联系方式", "never published");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
        .contains("default-src 'self'"));
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

    String contact = "wang-" + UUID.randomUUID() + "@example.cn";
    HttpResponse<String> accepted = post(token(page), fields("电动自行车充电器", "ONLINE_PLATFORM", "某平台某店铺",
        "充电时外壳发烫，担心起火。", contact), "charger.png", PNG);

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    Matcher number = Pattern.compile("JY-\\d{4}-\\d{6}").matcher(accepted.body());
    assertThat(number.find()).as(accepted.body()).isTrue();
    assertThat(accepted.body()).contains("感谢您的建议 Thank you for your proposal").doesNotContain(contact);
    Map<String, Object> row = jdbc.queryForMap(
        "SELECT product, place_kind, contact, photo_type FROM rm_proposal WHERE proposal_number = ?", number.group());
    assertThat(row).containsEntry("PRODUCT", "电动自行车充电器").containsEntry("PLACE_KIND", "ONLINE_PLATFORM")
        .containsEntry("CONTACT", contact).containsEntry("PHOTO_TYPE", "image/png");

    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(number.group()).processDefinitionKey(Proposals.PROCESS_KEY).singleResult();
    assertThat(instance).isNotNull();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_TriageProposal");
    // the contact is kept for the regulator only: not in the process, whose variables Cockpit and Tasklist show
    assertThat(engine.getRuntimeService().getVariables(instance.getId()).values())
        .noneMatch(value -> String.valueOf(value).contains(contact));
    assertThat(get("/proposals/new").body()).doesNotContain(contact);

    // the photo is for the regulator's staff: a stranger is sent to the login, a coordinator sees it
    String photoPath = "/manage/proposals/" + number.group() + "/photo";
    assertThat(get(photoPath).statusCode()).isEqualTo(302);
    HttpResponse<byte[]> photo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + photoPath))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("coordinator:" + DemoPeople.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(photo.statusCode()).isEqualTo(200);
    assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(photo.body()).isEqualTo(PNG);
  }

  @Test
  void badInput_isRefusedInChineseAndEnglish_andNothingIsWritten() throws Exception {
    String token = token(get("/proposals/new"));
    long proposals = count("rm_proposal", "1 = 1");
    long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Proposals.PROCESS_KEY)
        .count();
    String contact = "li-" + UUID.randomUUID() + "@example.cn";

    HttpResponse<String> refused = post(token, fields("长".repeat(Proposals.PRODUCT_MAX + 1), "UNDERGROUND", "某市场",
        "", contact), "photo.png", "%PDF-1.7 not a picture".getBytes(StandardCharsets.US_ASCII));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains(
        "产品名称 Product：不得超过" + Proposals.PRODUCT_MAX + "个字符 at most " + Proposals.PRODUCT_MAX + " characters",
        "购买渠道 Where bought：请选择实体商店、集贸市场或网络平台 choose a shop, a market or an online platform",
        "关注的问题 Concern：必填 required",
        "照片 Photo：仅限JPEG或PNG图片 JPEG or PNG pictures only");
    // what the citizen typed is kept for correction, except the contact, which no page shows
    assertThat(refused.body()).contains("某市场").doesNotContain(contact);

    HttpResponse<String> markup = post(token, fields("<script>alert(1)</script>", "SHOP", "某商店",
        "质量不好，担心安全。", null), null, null);
    assertThat(markup.statusCode()).isEqualTo(400);
    assertThat(markup.body()).contains("产品名称 Product：不得包含HTML标记 must not contain HTML markup")
        .doesNotContain("<script>alert(1)</script>");

    assertThat(count("rm_proposal", "1 = 1")).isEqualTo(proposals);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Proposals.PROCESS_KEY)
        .count()).isEqualTo(instances);
  }

  @Test
  void hostileFieldsAndPhotos_eachRefusedWithABilingualMessage_neverA500_andNothingIsWritten() throws Exception {
    Map<String, String> hostile = new LinkedHashMap<>();
    hostile.put("script", "<script>alert(document.cookie)</script>");
    hostile.put("img onerror", "<img src=x onerror=alert(1)>");
    hostile.put("emoji", "质量很差😀");
    hostile.put("NUL", "质量\u0000很差");
    hostile.put("10 kB", "长".repeat(10 * 1024));
    hostile.put("blank", "   ");
    Map<String, String> good = fields("电热水壶", "ONLINE_PLATFORM", "某电商平台", "壶底漏电，手碰到有麻感。", "李先生 13800000000");
    long proposals = count("rm_proposal", "1 = 1");
    long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Proposals.PROCESS_KEY)
        .count();
    int attempts = 0;
    for (String field : good.keySet()) {
      for (Map.Entry<String, String> attack : hostile.entrySet()) {
        if (field.equals("contact") && attack.getKey().equals("blank")) {
          continue;
        }
        Map<String, String> sent = new LinkedHashMap<>(good);
        sent.put(field, attack.getValue());
        assertRefused(field + " × " + attack.getKey(), sent, null, null);
        attempts++;
      }
    }
    Map<String, byte[]> photos = new LinkedHashMap<>();
    photos.put("page.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    photos.put("empty-start.png", new byte[] {0, 0, 0, 0});
    photos.put("picture.exe", PNG);
    photos.put("huge.png", png(6 * 1024 * 1024));
    for (Map.Entry<String, byte[]> photo : photos.entrySet()) {
      assertRefused("photo " + photo.getKey(), good, photo.getKey(), photo.getValue());
      attempts++;
    }
    System.out.println("Hostile proposals refused: " + attempts);

    assertThat(count("rm_proposal", "1 = 1")).isEqualTo(proposals);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Proposals.PROCESS_KEY)
        .count()).isEqualTo(instances);
  }

  /** Each attempt in an hour of its own, so what refuses it is the input, not the per-address limit. */
  private void assertRefused(String attempt, Map<String, String> fields, String photoName, byte[] photo) throws Exception {
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + HOURS_AHEAD.addAndGet(3) * 3_600_000L));
    String token = token(get("/proposals/new"));
    HttpResponse<String> refused = post(token, fields, photoName, photo);
    assertThat(refused.statusCode()).as(attempt).isIn(400, 413);
    assertThat(refused.body()).as(attempt).containsPattern("[\\u4e00-\\u9fff].*[A-Za-z]{4,}")
        .doesNotContain("<script>alert", "<img src=x");
  }

  private static byte[] png(int size) {
    byte[] huge = new byte[size];
    System.arraycopy(PNG, 0, huge, 0, PNG.length);
    return huge;
  }

  @Test
  void aPostThatDidNotComeFromThePage_isRefused_andNothingIsWritten() throws Exception {
    long proposals = count("rm_proposal", "1 = 1");
    get("/proposals/new");

    HttpResponse<String> forged = post("forged-token", fields("电热毯", "SHOP", "某商店", "用了一晚就有焦味。", null),
        null, null);

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("页面已过期", "This page has expired");
    assertThat(count("rm_proposal", "1 = 1")).isEqualTo(proposals);
  }

  @Test
  void aFloodFromOneAddress_isRefusedWith429_andNothingMoreIsWritten() throws Exception {
    String token = token(get("/proposals/new"));
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> response = post(token, fields("儿童水杯" + i, "MARKET", "某集贸市场", "杯盖容易脱落。", null),
          null, null);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
    long proposals = count("rm_proposal", "1 = 1");
    long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Proposals.PROCESS_KEY)
        .count();

    HttpResponse<String> flooded = post(token, fields("儿童水杯", "MARKET", "某集贸市场", "杯盖容易脱落。", null), null, null);

    assertThat(flooded.statusCode()).isEqualTo(429);
    assertThat(flooded.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
        assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
    assertThat(flooded.body()).contains("提交过于频繁", "Too many proposals from your address");
    assertThat(count("rm_proposal", "1 = 1")).isEqualTo(proposals);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Proposals.PROCESS_KEY)
        .count()).isEqualTo(instances);

    // an hour later the same address is heard again
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000L + 1_000L));
    assertThat(post(token, fields("儿童水杯", "MARKET", "某集贸市场", "杯盖容易脱落。", null), null, null).statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String token(HttpResponse<String> page) {
    Matcher token = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).as("the page carries its token").isTrue();
    return token.group(1);
  }

  private static Map<String, String> fields(String product, String placeKind, String placeDetail, String concern,
                                            String contact) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("product", product);
    fields.put("placeKind", placeKind);
    fields.put("placeDetail", placeDetail);
    fields.put("concern", concern);
    if (contact != null) {
      fields.put("contact", contact);
    }
    return fields;
  }

  /** A multipart post as the page's form sends it, with an optional photo. */
  private HttpResponse<String> post(String token, Map<String, String> fields, String photoName, byte[] photo)
      throws IOException, InterruptedException {
    String boundary = "----riskmonitor" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("csrfToken", token);
    for (Map.Entry<String, String> field : all.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
          + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    if (photo != null) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + photoName
          + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(photo);
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/proposals"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
