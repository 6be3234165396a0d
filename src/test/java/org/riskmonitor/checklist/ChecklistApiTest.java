package org.riskmonitor.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The on-site checklist API as a phone uses it, over real HTTP: who may read and answer, changes
 * applied once, a second device's change never overwritten unseen, photos stored as documents,
 * bad input refused with nothing written, and what the slip and the assistance phase make of it.
 */
class ChecklistApiTest extends RiskMonitorTest {

  private static final String CHARGERS = DemoPeople.ENTERPRISES.get(0).get(0);
  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private CaseWalker walker;

  @Autowired
  private IdentityService identityService;

  @Test
  void onlyTheCasesSamplerAndTheRegulatorsStaffReadOrAnswer() {
    String caseNumber = caseAtSlip();
    long firstItem = items("sampler", caseNumber).get(0);
    String otherSampler = secondSampler();
    try {
      refusedToOutsiders(caseNumber, firstItem, otherSampler);
    } finally {
      // gone again, or the walker of later tests would give their cases to the sampler with the least work
      identityService.deleteUser(otherSampler);
    }
  }

  private void refusedToOutsiders(String caseNumber, long firstItem, String otherSampler) {
    assertThat(read("sampler", caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read("coordinator", caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read("manager", caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
    for (String outsider : List.of(otherSampler, "enterprise1", "enterprise2", "lab1", "expert1")) {
      ResponseEntity<Map<String, Object>> refused = read(outsider, caseNumber);
      assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).containsEntry("message", "只有本案的抽样人员和监管人员可以查看或填写现场检查清单 "
          + "Only the case's sampler and the regulator's staff may read or fill its on-site checklist");
      assertThat(answer(outsider, caseNumber, change(firstItem, "CONFORMING", null, 0)).getStatusCode()).as(outsider)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(photo(outsider, caseNumber, firstItem, UUID.randomUUID().toString(), "site.png", PNG).getStatusCode())
          .as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.getForEntity("/api/cases/" + caseNumber + "/checklist", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answersOf(caseNumber)).isZero();
    assertThat(read("sampler", "TJ-2026-999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aChangeSentTwiceIsAppliedOnce_andAPhotoIsStoredWithItsSha256() throws Exception {
    String caseNumber = caseAtSlip();
    long item = items("sampler", caseNumber).get(0);
    Map<String, Object> change = change(item, "FINDING", "铭牌无生产日期 No production date on the nameplate", 0);

    ResponseEntity<Map<String, Object>> first = answer("sampler", caseNumber, change);
    ResponseEntity<Map<String, Object>> again = answer("sampler", caseNumber, change);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody()).containsEntry("revision", 1).containsEntry("duplicate", false);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).containsEntry("revision", 1).containsEntry("duplicate", true);
    assertThat(answersOf(caseNumber)).isEqualTo(1);

    String photoChange = UUID.randomUUID().toString();
    ResponseEntity<Map<String, Object>> stored = photo("sampler", caseNumber, item, photoChange, "铭牌.png", PNG);
    ResponseEntity<Map<String, Object>> resent = photo("sampler", caseNumber, item, photoChange, "铭牌.png", PNG);

    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
    assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(stored.getBody()).containsEntry("sha256", sha256).containsEntry("duplicate", false);
    assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(resent.getBody()).containsEntry("documentId", stored.getBody().get("documentId"))
        .containsEntry("duplicate", true);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_document WHERE case_id = (SELECT id FROM rm_monitoring_case"
        + " WHERE case_number = ?) AND file_name = '铭牌.png'", Long.class, caseNumber)).isEqualTo(1);

    Map<String, Object> shown = itemOf(read("coordinator", caseNumber).getBody(), item);
    assertThat((Map<String, Object>) shown.get("answer")).containsEntry("answer", "FINDING")
        .containsEntry("answerLabel", "发现问题 Finding").containsEntry("answeredBy", "sampler");
    assertThat((List<Map<String, Object>>) shown.get("photos")).singleElement()
        .satisfies(p -> assertThat(p).containsEntry("sha256", sha256).containsEntry("fileName", "铭牌.png"));
  }

  @Test
  void aSecondDeviceDoesNotOverwriteUnseen_itIsShownWhatIsThere() {
    String caseNumber = caseAtSlip();
    long item = items("sampler", caseNumber).get(1);
    answer("sampler", caseNumber, change(item, "CONFORMING", null, 0));

    // the coordinator's tablet still saw the item unanswered
    ResponseEntity<Map<String, Object>> stale = answer("coordinator", caseNumber,
        change(item, "FINDING", "无CCC标志 No CCC mark", 0));

    assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(stale.getBody()).containsEntry("message",
        "此项已在另一设备上修改，请确认保留哪一个答案 This item was changed on another device; choose which answer to keep");
    assertThat((Map<String, Object>) stale.getBody().get("current")).containsEntry("answer", "CONFORMING")
        .containsEntry("revision", 1).containsEntry("answeredBy", "sampler");
    assertThat(jdbc.queryForObject("SELECT answer FROM rm_checklist_answer WHERE item_id = ? AND case_checklist_id ="
        + " (SELECT id FROM rm_case_checklist WHERE open_case_id = (SELECT id FROM rm_monitoring_case WHERE case_number = ?))",
        String.class, item, caseNumber)).isEqualTo("CONFORMING");

    // choosing to keep its own answer, the tablet sends it on the revision it was shown
    ResponseEntity<Map<String, Object>> kept = answer("coordinator", caseNumber,
        change(item, "FINDING", "无CCC标志 No CCC mark", 1));
    assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(kept.getBody()).containsEntry("revision", 2);
  }

  @Test
  void badInputIsRefusedInBothLanguages_andNothingIsWritten() {
    String caseNumber = caseAtSlip();
    long item = items("sampler", caseNumber).get(0);
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put("发现问题时须写明情况 Describe the finding in the note",
        body(change(item, "FINDING", "  ", 0)));
    refusals.put("答案须为 CONFORMING、FINDING 或 NOT_APPLICABLE The answer is CONFORMING, FINDING or NOT_APPLICABLE",
        body(change(item, "MAYBE", null, 0)));
    refusals.put("本案的检查清单没有这一项 No such item on this case's checklist", body(change(-5, "CONFORMING", null, 0)));
    refusals.put("备注 Note：不得包含HTML标记 must not contain HTML markup",
        body(change(item, "FINDING", "<script>alert(1)</script>", 0)));
    refusals.put("备注不得超过1000字 The note is at most 1000 characters",
        body(change(item, "FINDING", "长".repeat(1001), 0)));
    refusals.put("备注 Note：不得包含控制字符 must not contain control characters",
        body(change(item, "CONFORMING", "a\u0000b", 0)));
    Map<String, Object> noId = change(item, "CONFORMING", null, 0);
    noId.put("changeId", "x'; DROP TABLE rm_checklist_answer; --");
    refusals.put("变更编号须为8至36位字母、数字或连字符 changeId is 8 to 36 letters, digits or hyphens", body(noId));
    Map<String, Object> noBase = change(item, "CONFORMING", null, 0);
    noBase.remove("baseRevision");
    refusals.put("缺少设备所见的版本号 baseRevision is required (0 for an item not answered yet)", body(noBase));

    refusals.forEach((message, sent) -> {
      ResponseEntity<Map<String, Object>> refused = rest.withBasicAuth("sampler", DemoPeople.PASSWORD)
          .exchange(api(caseNumber) + "/answers", HttpMethod.POST, json(sent), MAP);
      assertThat(refused.getStatusCode()).as(sent).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).as(sent).containsEntry("message", message);
    });
    ResponseEntity<Map<String, Object>> notJson = rest.withBasicAuth("sampler", DemoPeople.PASSWORD)
        .exchange(api(caseNumber) + "/answers", HttpMethod.POST, json("{\"itemId\": "), MAP);
    assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notJson.getBody()).containsEntry("message", "请求内容缺失或不是有效的JSON The request body is missing or not valid JSON");

    byte[] program = "MZ\u0090\u0000 This program cannot be run in DOS mode.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    ResponseEntity<Map<String, Object>> disguised = photo("sampler", caseNumber, item, UUID.randomUUID().toString(),
        "photo.jpg", program);
    assertThat(disguised.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(disguised.getBody()).containsEntry("message", "文件类型不允许，仅限PDF、JPEG、PNG File type not allowed: PDF, JPEG or PNG only");
    ResponseEntity<Map<String, Object>> noChange = photo("sampler", caseNumber, item, null, "site.png", PNG);
    assertThat(noChange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(answersOf(caseNumber)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_checklist_change WHERE case_checklist_id = (SELECT id FROM"
        + " rm_case_checklist WHERE case_id = (SELECT id FROM rm_monitoring_case WHERE case_number = ?))", Long.class,
        caseNumber)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_document WHERE case_id = (SELECT id FROM rm_monitoring_case"
        + " WHERE case_number = ?) AND file_name IN ('photo.jpg', 'site.png')", Long.class, caseNumber)).isZero();
  }

  @Test
  void theSlipWaitsForTheChecklist_thenKeepsItAndClosesIt_andATrackedFindingIsSolvedInRemediation() {
    String caseNumber = caseAtSlip();
    List<Long> items = items("sampler", caseNumber);
    Task slip = walker.openTask(caseNumber);
    Map<String, Object> slipValues = walker.formValues(slip, Route.remediated());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> walker.submit(slip, slipValues))
        .hasMessageContaining("现场检查清单尚有" + items.size() + "项未填写，请先在手机上完成 " + items.size()
            + " items of the on-site checklist are not answered yet; finish them on the phone first");

    answer("sampler", caseNumber, change(items.get(items.size() - 1), "FINDING", "充满后指示灯不变 The indicator never shows full", 0));
    walker.answerOnSiteChecklist(slip, false);
    walker.uploadDocumentsFor(slip);
    walker.submit(slip, slipValues);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_case_checklist WHERE case_id = (SELECT id FROM"
        + " rm_monitoring_case WHERE case_number = ?) AND slip_id IS NOT NULL AND open_case_id IS NULL", Long.class,
        caseNumber)).isEqualTo(1);
    ResponseEntity<Map<String, Object>> late = answer("sampler", caseNumber, change(items.get(0), "FINDING", "晚了 Late", 1));
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody()).containsEntry("message",
        "抽样单已提交，现场检查清单不能再修改 The sampling slip was submitted; the checklist can no longer change");
    assertThat(read("sampler", caseNumber).getBody()).containsEntry("open", false);

    walker.advanceTo(caseNumber, "Task_RecordAssistanceVisit", Route.remediated());
    Map<String, Object> problem = jdbc.queryForMap("SELECT p.description, p.solved_on FROM rm_problem p"
        + " JOIN rm_monitoring_case c ON c.id = p.case_id WHERE c.case_number = ? AND p.checklist_answer_id IS NOT NULL",
        caseNumber);
    assertThat((String) problem.get("description")).startsWith("现场检查发现 On-site finding：")
        .endsWith("充满后指示灯不变 The indicator never shows full");
    assertThat(problem.get("solved_on")).isNull();

    walker.finish(caseNumber, Route.remediated());
    assertThat(jdbc.queryForObject("SELECT solved_on FROM rm_problem p JOIN rm_monitoring_case c ON c.id = p.case_id"
        + " WHERE c.case_number = ? AND p.checklist_answer_id IS NOT NULL", Object.class, caseNumber)).isNotNull();
  }

  private String caseAtSlip() {
    String caseNumber = walker.open(CHARGERS, "E_BIKE_CHARGER", "电动自行车充电器 48V3A").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_FillSamplingSlip", Route.remediated());
    return caseNumber;
  }

  /** A second sampler, not assigned to the case. */
  private String secondSampler() {
    User user = identityService.newUser("sampler2");
    user.setFirstName("二");
    user.setLastName("抽样员");
    user.setPassword(DemoPeople.PASSWORD);
    // the demo password is below the engine's policy, as the demo people's are
    ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService).saveUser(user, true);
    identityService.createMembership("sampler2", Roles.SAMPLERS);
    return "sampler2";
  }

  private List<Long> items(String user, String caseNumber) {
    List<Map<String, Object>> items = (List<Map<String, Object>>) read(user, caseNumber).getBody().get("items");
    return items.stream().map(i -> ((Number) i.get("id")).longValue()).toList();
  }

  private static Map<String, Object> itemOf(Map<String, Object> checklist, long itemId) {
    return ((List<Map<String, Object>>) checklist.get("items")).stream()
        .filter(i -> ((Number) i.get("id")).longValue() == itemId).findFirst().orElseThrow();
  }

  private long answersOf(String caseNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM rm_checklist_answer a JOIN rm_case_checklist cc"
        + " ON cc.id = a.case_checklist_id JOIN rm_monitoring_case c ON c.id = cc.case_id WHERE c.case_number = ?",
        Long.class, caseNumber);
  }

  private static Map<String, Object> change(long itemId, String answer, String note, int baseRevision) {
    return ChecklistRequests.answer(itemId, answer, note, baseRevision);
  }

  private static String body(Map<String, Object> change) {
    return ChecklistRequests.json(change);
  }

  private static String api(String caseNumber) {
    return "/api/cases/" + caseNumber + "/checklist";
  }

  private ResponseEntity<Map<String, Object>> read(String user, String caseNumber) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).exchange(api(caseNumber), HttpMethod.GET, null, MAP);
  }

  private ResponseEntity<Map<String, Object>> answer(String user, String caseNumber, Map<String, Object> change) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD)
        .exchange(api(caseNumber) + "/answers", HttpMethod.POST, json(body(change)), MAP);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private ResponseEntity<Map<String, Object>> photo(String user, String caseNumber, long itemId, String changeId,
                                                   String fileName, byte[] content) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).exchange(api(caseNumber) + "/items/" + itemId + "/photos",
        HttpMethod.POST, ChecklistRequests.photo(changeId, fileName, content), MAP);
  }
}
