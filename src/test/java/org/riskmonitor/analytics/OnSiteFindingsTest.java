package org.riskmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.checklist.OnSiteChecks;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Three e-bike cases sampled in 2037, a year no other test uses: two with a finding on the pedals
 * that the sampler asks to track (one closed with the problem solved, one with its assistance visit
 * planned), one without a finding whose CCC check did not apply. The dashboard counts the checks
 * and findings by check, leads from a count to its cases, and the case page and the forms show
 * the checklist.
 */
class OnSiteFindingsTest extends RiskMonitorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PEDALS = "脚踏骑行能力 Pedals";
  private static final String CCC = "强制性认证标志 CCC mark";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

  @Autowired
  private CaseWalker walker;

  @Autowired
  private Dashboard dashboard;

  @Autowired
  private OnSiteChecks onSiteChecks;

  @Autowired
  private TestRestTemplate rest;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void findingsCountedByCheck_ledToTheirCases_andShownOnTheCasePageAndTheForms() throws Exception {
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2037, 3, 2, 9, 0)));
    Route finding = Route.remediated().with(r -> r.onSiteFinding = true);
    String solved = open();
    walker.finish(solved, finding);
    String planned = open();
    walker.advanceTo(planned, "Task_PlanAssistanceVisit", finding);

    // the coordinator planning the visit reads the finding in the form's case summary
    JsonNode plan = formVariables("coordinator", walker.openTask(planned));
    assertThat(plan.path("onSiteChecklist").path("value").asText())
        .contains("第1版", "已答 6/6", "发现问题 1 项", "(/sampling/" + planned + "/checklist)");
    assertThat(plan.path("onSiteFindings").path("value").asText())
        .startsWith("- " + PEDALS + "：现场所见：").contains("（作为问题跟踪 tracked as a problem）");
    walker.advanceTo(planned, "Task_RecordAssistanceVisit", finding);

    // the sampler of the third case sees the checklist's progress on the slip, marks the CCC check
    // not applicable and photographs the label
    String clean = open();
    walker.advanceTo(clean, "Task_FillSamplingSlip", Route.remediated());
    Task slip = walker.openTask(clean);
    String sampler = walker.actorFor(slip);
    assertThat(formVariables(sampler, slip).path("onSiteChecklist").path("value").asText()).contains("已答 0/6");
    OnSiteChecks.PhotoReceipt photo = walker.as(sampler, () -> {
      var items = onSiteChecks.view(clean).items();
      onSiteChecks.answer(clean, new OnSiteChecks.AnswerChange(UUID.randomUUID().toString(), itemId(items, CCC),
          "NOT_APPLICABLE", "仅销售不需认证的配件", false, 0));
      return onSiteChecks.addPhoto(clean, items.get(0).item().id(), UUID.randomUUID().toString(),
          new MockMultipartFile("file", "label.png", "image/png", PNG));
    });
    assertThat(formVariables(sampler, slip).path("onSiteChecklist").path("value").asText()).contains("已答 1/6");
    walker.advanceTo(clean, "Task_ReceiveSample", Route.remediated());
    String unassigned = open();

    // the pedals were checked three times and found wanting twice, both tracked, one solved;
    // the CCC check counts twice (not applicable once); the rest follow by their place on the list
    Dashboard.View view = dashboard.forPeriod(LocalDate.of(2037, 1, 1), LocalDate.of(2038, 1, 1), CaseFilter.NONE);
    assertThat(view.onSiteFindings()).extracting(OnSiteFinding::productKind, OnSiteFinding::itemTitle,
            OnSiteFinding::checked, OnSiteFinding::findings, OnSiteFinding::tracked, OnSiteFinding::solved)
        .containsExactly(
            tuple("E_BIKE", PEDALS, 3L, 2L, 2L, 1L),
            tuple("E_BIKE", "产品标识 Product label", 3L, 0L, 0L, 0L),
            tuple("E_BIKE", CCC, 2L, 0L, 0L, 0L),
            tuple("E_BIKE", "进货查验与出厂检验记录 Purchase and release records", 3L, 0L, 0L, 0L),
            tuple("E_BIKE", "贮存条件 Storage", 3L, 0L, 0L, 0L),
            tuple("E_BIKE", "整车质量与最高车速 Mass and top speed", 3L, 0L, 0L, 0L));
    OnSiteFinding pedals = view.onSiteFindings().get(0);
    assertThat(pedals.findingShare()).isEqualTo(2.0 / 3);
    CaseFilter cables = new CaseFilter("WIRE_CABLE", null, null, null, null, null, null);
    assertThat(dashboard.forPeriod(LocalDate.of(2037, 1, 1), LocalDate.of(2038, 1, 1), cables).onSiteFindings())
        .isEmpty();
    // a checklist belongs to the period of its sampling date
    assertThat(dashboard.forPeriod(LocalDate.of(2037, 3, 3), LocalDate.of(2038, 1, 1), CaseFilter.NONE)
        .onSiteFindings()).isEmpty();

    String page = asManager("/dashboard?from=2037-01-01&to=2038-01-01");
    assertThat(page).contains("现场检查发现 On-site findings", PEDALS, "66.7%",
        "href=\"/dashboard/cases?" + view.findingsQuery(pedals).replace("&", "&amp;") + "\">2<");
    assertThat(view.findingsQuery(pedals)).contains("figure=onSiteFindings", "productKind=E_BIKE", "from=2037-01-01");

    // the count leads to the two cases with the finding; a check without findings to none
    String behind = asManager("/dashboard/cases?figure=onSiteFindings&item={item}&from=2037-01-01&to=2038-01-01"
        + "&productKind=E_BIKE", PEDALS);
    assertThat(behind).contains(solved, planned, PEDALS).doesNotContain(clean);
    assertThat(asManager("/dashboard/cases?figure=onSiteFindings&item={item}&from=2037-01-01&to=2038-01-01", CCC))
        .contains("没有案件。No cases.").doesNotContain(solved);

    assertThat(asManager("/dashboard/export/on-site-findings.csv?from=2037-01-01&to=2038-01-01"))
        .contains("\"E_BIKE\",\"电动自行车\",\"" + PEDALS + "\",\"3\",\"2\",\"" + (2.0 / 3) + "\",\"2\",\"1\"");

    // the case page shows the checklist with its finding, tracked, and the photos with their hash
    String solvedFile = asManager("/dashboard/cases/" + solved);
    assertThat(solvedFile).contains("现场检查 On-site checklist", "第1版 Version 1", PEDALS, "发现问题 Finding",
        "现场所见：无脚踏或脚踏不能使用", "是 Yes", "符合 Conforming");
    String cleanFile = asManager("/dashboard/cases/" + clean);
    assertThat(cleanFile).contains("不适用 Not applicable", "仅销售不需认证的配件",
        "href=\"/api/documents/" + photo.documentId() + "\">label.png</a>",
        "(SHA-256 " + photo.sha256().substring(0, 12) + "…)").doesNotContain("发现问题 Finding");
    assertThat(asManager("/dashboard/cases/" + unassigned)).contains("现场检查 On-site checklist", "无 None");
  }

  private String open() {
    return walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
  }

  private static long itemId(List<OnSiteChecks.ItemView> items, String title) {
    return items.stream().filter(i -> i.item().title().equals(title)).findFirst().orElseThrow().item().id();
  }

  private JsonNode formVariables(String user, Task task) throws Exception {
    ResponseEntity<String> answer = rest.withBasicAuth(user, DemoPeople.PASSWORD)
        .getForEntity("/engine-rest/task/" + task.getId() + "/form-variables", String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return JSON.readTree(answer.getBody());
  }

  private String asManager(String path, Object... variables) {
    ResponseEntity<String> response = rest.withBasicAuth("manager", DemoPeople.PASSWORD)
        .getForEntity(path, String.class, variables);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return response.getBody();
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }
}
