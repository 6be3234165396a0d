package org.riskmonitor.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.checklist.Checklists.ItemDraft;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Coordinators and experts keep the checklists on their pages; managers read them; a refused edit writes nothing. */
class ChecklistEditorTest extends RiskMonitorTest {

  private static final String KIND = "E_BIKE_CHARGER";
  private static final String PAGE = "/manage/checklists/" + KIND;
  private static final String NEW_TITLE = "过充保护标识 Overcharge protection marking";

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private Checklists checklists;

  @Autowired
  private RegulatorClock clock;

  private List<ChecklistItem> itemsAtStart;

  @BeforeEach
  void readTheChecklistInForce() {
    itemsAtStart = checklists.items(checklists.inForce(KIND).id());
  }

  /** Other tests walk charger cases: they get the items this test started from, as a next version. */
  @AfterEach
  void putTheItemsBack() {
    Checklist inForce = checklists.inForce(KIND);
    if (!checklists.items(inForce.id()).equals(itemsAtStart)) {
      checklists.revise(KIND, inForce.version(), itemsAtStart.stream()
              .map(i -> new ItemDraft(i.area(), i.title(), i.method(), i.findingCriterion())).toList(),
          "测试还原 Test puts the items back", CaseWalker.COORDINATOR);
    }
  }

  @Test
  void anExpertAddsAndRemovesItems_thePageShowsTheNextVersion_andTheOlderOneStaysReadable() {
    Checklist before = checklists.inForce(KIND);
    ChecklistItem removed = itemsAtStart.get(itemsAtStart.size() - 1);
    assertThat(get("expert1", PAGE).getBody()).contains("name=\"editedVersion\"", removed.title());

    MultiValueMap<String, String> form = formOf(before.version(), itemsAtStart);
    form.add("remove." + (itemsAtStart.size() - 1), "true");
    addRow(form, itemsAtStart.size(), "PRODUCT", NEW_TITLE, "查看铭牌与说明书的过充保护说明 Read the overcharge claim",
        "无过充保护说明 No overcharge protection claimed");
    form.set("changeNote", "增加过充保护，去掉输出线 Adds overcharge protection, drops the output lead");
    ResponseEntity<String> saved = post("expert1", PAGE, form);

    assertThat(saved.getStatusCode().value()).isEqualTo(200);
    Checklist after = checklists.inForce(KIND);
    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(after.createdBy()).isEqualTo("expert1");
    // stored and shown on the regulator's wall clock, though the test JVM runs in UTC
    assertThat(Duration.between(after.createdAt(), clock.now()).abs()).isLessThan(Duration.ofMinutes(2));
    assertThat(saved.getBody())
        .contains("<span id=\"version-in-force\">" + after.version() + "</span>")
        .contains("增加过充保护，去掉输出线 Adds overcharge protection, drops the output lead")
        .contains(after.createdAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
        .contains(NEW_TITLE)
        .doesNotContain(removed.title());
    List<ChecklistItem> items = checklists.items(after.id());
    List<String> expected = new ArrayList<>(itemsAtStart.stream().map(ChecklistItem::title).toList());
    expected.set(expected.size() - 1, NEW_TITLE);
    assertThat(items).extracting(ChecklistItem::title).containsExactlyElementsOf(expected);
    assertThat(items.get(items.size() - 1).position()).isEqualTo(items.size());

    ResponseEntity<String> older = get("coordinator", PAGE + "?version=" + before.version());
    assertThat(older.getStatusCode().value()).isEqualTo(200);
    assertThat(older.getBody()).contains("data-version=\"" + before.version() + "\"", "no longer in force",
        removed.title());
    assertThat(get("coordinator", PAGE + "?version=x").getStatusCode().value()).isEqualTo(404);

    ResponseEntity<String> list = get("expert1", "/manage/checklists");
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    assertThat(list.getBody()).contains("电动自行车充电器 E-bike charger",
        "data-kind=\"" + KIND + "\" data-version=\"" + after.version() + "\" data-items=\"" + items.size() + "\"");
  }

  @Test
  void aManagerReadsButMayNotEdit_anEnterpriseMayNotRead() {
    Checklist before = checklists.inForce(KIND);
    long versions = count("rm_checklist", "product_kind = ?", KIND);

    ResponseEntity<String> read = get("manager", PAGE);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody()).contains(itemsAtStart.get(0).title()).doesNotContain("name=\"editedVersion\"");
    assertThat(get("manager", "/manage/checklists").getStatusCode().value()).isEqualTo(200);

    MultiValueMap<String, String> form = formOf(before.version(), itemsAtStart);
    form.set("changeNote", "管理者试图修改 A manager tries an edit");
    assertThat(post("manager", PAGE, form).getStatusCode().value()).isEqualTo(403);
    assertThat(post("enterprise1", PAGE, form).getStatusCode().value()).isEqualTo(403);

    assertThat(get("enterprise1", "/manage/checklists").getStatusCode().value()).isEqualTo(403);
    assertThat(get("enterprise1", PAGE).getStatusCode().value()).isEqualTo(403);
    assertThat(get("sampler", PAGE).getStatusCode().value()).isEqualTo(403);
    assertThat(count("rm_checklist", "product_kind = ?", KIND)).isEqualTo(versions);
  }

  @Test
  void aBlankTitleMarkupOrAStaleEditIsRefusedWithTheEnteredValuesAndNothingWritten() {
    Checklist before = checklists.inForce(KIND);
    long versions = count("rm_checklist", "1 = 1");
    long items = count("rm_checklist_item", "1 = 1");

    MultiValueMap<String, String> blank = formOf(before.version(), itemsAtStart);
    blank.set("title.0", "  ");
    blank.set("changeNote", "标题留空 Blank title");
    ResponseEntity<String> blankRefused = post("coordinator", PAGE, blank);
    assertThat(blankRefused.getStatusCode().value()).isEqualTo(400);
    assertThat(blankRefused.getBody()).contains("第1项 Item 1：检查内容 What to look at：必填 is required",
        "value=\"标题留空 Blank title\"");

    MultiValueMap<String, String> markup = formOf(before.version(), itemsAtStart);
    addRow(markup, itemsAtStart.size(), "PRODUCT", "<script>alert(1)</script>", "看 Look", "有 Found");
    markup.set("changeNote", "加标记 Markup");
    ResponseEntity<String> markupRefused = post("expert1", PAGE, markup);
    assertThat(markupRefused.getStatusCode().value()).isEqualTo(400);
    assertThat(markupRefused.getBody())
        .contains("第" + (itemsAtStart.size() + 1) + "项 Item " + (itemsAtStart.size() + 1)
            + "：检查内容 What to look at：不得包含HTML标记 must not contain HTML markup")
        .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
        .doesNotContain("<script>");

    MultiValueMap<String, String> noArea = formOf(before.version(), itemsAtStart);
    addRow(noArea, itemsAtStart.size(), "", "插头 Plug", "看 Look", "有 Found");
    noArea.set("changeNote", "未选类别 No area");
    ResponseEntity<String> noAreaRefused = post("expert1", PAGE, noArea);
    assertThat(noAreaRefused.getStatusCode().value()).isEqualTo(400);
    assertThat(noAreaRefused.getBody()).contains("请选择检查类别 choose the area");

    MultiValueMap<String, String> stale = formOf(before.version() - 1, itemsAtStart);
    stale.set("changeNote", "旧版上修改 Edit of an old version");
    ResponseEntity<String> staleRefused = post("expert1", PAGE, stale);
    assertThat(staleRefused.getStatusCode().value()).isEqualTo(409);
    assertThat(staleRefused.getBody()).contains(
        "Someone else saved a newer version; reopen the checklist and edit again", "value=\"旧版上修改 Edit of an old version\"");

    MultiValueMap<String, String> noNote = formOf(before.version(), itemsAtStart);
    assertThat(post("expert1", PAGE, noNote).getBody()).contains("修订说明 Change note：必填 is required");

    assertThat(post("expert1", "/manage/checklists/TOASTER", noNote).getStatusCode().value()).isEqualTo(404);
    assertThat(count("rm_checklist", "1 = 1")).isEqualTo(versions);
    assertThat(count("rm_checklist_item", "1 = 1")).isEqualTo(items);
    assertThat(checklists.inForce(KIND)).isEqualTo(before);
  }

  /** The form as the page fills it for the given items, without a change note. */
  private static MultiValueMap<String, String> formOf(int editedVersion, List<ChecklistItem> items) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("editedVersion", String.valueOf(editedVersion));
    for (int i = 0; i < items.size(); i++) {
      ChecklistItem item = items.get(i);
      addRow(form, i, item.area().name(), item.title(), item.method(), item.findingCriterion());
    }
    // the blank rows the page offers for new items
    for (int i = items.size(); i < items.size() + ChecklistEditForm.BLANK_ROWS; i++) {
      addRow(form, i, "", "", "", "");
    }
    form.add("changeNote", "");
    return form;
  }

  private static void addRow(MultiValueMap<String, String> form, int row, String area, String title, String method,
                             String findingCriterion) {
    form.set("area." + row, area);
    form.set("title." + row, title);
    form.set("method." + row, method);
    form.set("findingCriterion." + row, findingCriterion);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity(path, String.class);
  }

  /** Posts the page's form as a logged-in user would (Basic here, so no session token is needed). */
  private ResponseEntity<String> post(String user, String path, MultiValueMap<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }
}
