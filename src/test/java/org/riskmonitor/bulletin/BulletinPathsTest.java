package org.riskmonitor.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.officialdocument.PdfText;
import org.riskmonitor.publication.Publication;
import org.riskmonitor.publication.Publications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A bulletin on e-bikes for April 2028 (a year no other test samples in): three cases walked, one
 * in March for the trend and two in April; the bulletin is drafted from them, written by the
 * expert, returned once and approved by the manager, then read back from the public site as a PDF
 * without login. A bulletin not yet approved has no PDF to find.
 */
class BulletinPathsTest extends RiskMonitorTest {

  private static final ZoneId REGULATOR = ZoneId.of("Asia/Shanghai");
  private static final List<String> E_BIKES = DemoPeople.ENTERPRISES.get(0);
  private static final String ANALYSIS = "四月电动自行车不合格率较三月下降，主要问题仍集中在电气安全。";

  @Autowired
  private CaseWalker walker;

  @Autowired
  private Bulletins bulletins;

  @Autowired
  private Publications publications;

  @Autowired
  private TestRestTemplate rest;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void eBikesInApril_drafted_written_returned_approved_publishedAsAPdfOnThePublicSite() {
    today(2028, 3, 10);
    walker.finish(walker.open(E_BIKES.get(0), "E_BIKE", "电动自行车 专刊三月").getBusinessKey(), Route.remediated());
    today(2028, 4, 10);
    walker.finish(walker.open(E_BIKES.get(0), "E_BIKE", "电动自行车 专刊四月甲").getBusinessKey(), Route.remediated());
    walker.finish(walker.open(E_BIKES.get(0), "E_BIKE", "电动自行车 专刊四月乙").getBusinessKey(), Route.allItemsPass());
    today(2028, 5, 6);

    ProcessInstance instance = start(CaseWalker.COORDINATOR, "E_BIKE", "2028-04-01", "2028-04-30");
    Bulletin drafted = bulletin(instance);
    assertThat(instance.getBusinessKey()).isEqualTo(Bulletins.number(drafted));
    assertThat(drafted.batchesSampled()).isEqualTo(2);
    assertThat(drafted.batchesTested()).isEqualTo(2);
    assertThat(drafted.nonconforming()).isEqualTo(1);
    assertThat(drafted.previousTested()).isEqualTo(1);
    assertThat(drafted.previousNonconforming()).isEqualTo(1);
    assertThat(drafted.rate()).isEqualTo("50.0%");
    assertThat(drafted.trend()).isEqualTo("下降 Down");
    assertThat(drafted.failedClauses()).isNotBlank();
    assertThat(drafted.causes()).contains("原材料 Raw material（1）", "质量控制 Quality control（1）");

    Task write = task(instance, "Task_WriteBulletin");
    assertThat(engine.getTaskService().getVariable(write.getId(), "bulletinFigures").toString())
        .contains("检验批次 Batches tested：2", "50\\.0%");
    assertThat(unapprovedPdf(instance)).as("no PDF before approval").isNull();
    submit("expert1", write, Map.of("bulletinAnalysis", "初稿", "bulletinCountermeasures", "加强抽查"));

    Task approve = task(instance, "Task_ApproveBulletin");
    assertThatThrownBy(() -> submit(CaseWalker.MANAGER, approve, Map.of("bulletinDecision", "RETURN")))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("退回理由 Reason for return");
    submit(CaseWalker.MANAGER, approve, Map.of("bulletinDecision", "RETURN", "bulletinReturnReason", "请补充趋势分析"));

    Task rewrite = task(instance, "Task_WriteBulletin");
    assertThat(engine.getTaskService().getVariable(rewrite.getId(), "bulletinReturnLine").toString())
        .contains("请补充趋势分析");
    submit("expert1", rewrite, Map.of("bulletinAnalysis", ANALYSIS,
        "bulletinCountermeasures", "督促企业落实主体责任；对不合格企业开展帮扶回访。"));
    Task approveAgain = task(instance, "Task_ApproveBulletin");
    assertThat(engine.getTaskService().getVariable(approveAgain.getId(), "bulletinWritten").toString()).contains(ANALYSIS);
    submit(CaseWalker.MANAGER, approveAgain, Map.of("bulletinDecision", "APPROVE"));

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    Bulletin approved = bulletins.find(drafted.id());
    assertThat(approved.status()).isEqualTo("APPROVED");
    assertThat(approved.docNumber()).isEqualTo("津市监形析〔2028〕1号");
    Publication item = publications.byNumber(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName("publicNumber").singleResult().getValue().toString());
    assertThat(item.status()).isEqualTo("PUBLISHED");
    assertThat(item.approvedBy()).isEqualTo(CaseWalker.MANAGER);

    String page = rest.getForEntity("/public?type=BULLETIN", String.class).getBody();
    String link = "/public/bulletins/" + item.publicNumber() + "/pdf";
    assertThat(page).contains(item.publicNumber(), "形势分析专刊 Bulletin", link);
    assertThat(rest.getForEntity("/public/items/" + item.publicNumber(), String.class).getBody())
        .contains("对策建议 Countermeasures", link);

    ResponseEntity<byte[]> pdf = rest.getForEntity(link, byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    String text = PdfText.squeezedOf(pdf.getBody());
    assertThat(text).contains(PdfText.squeezed("产品质量安全形势分析专刊"), "津市监形析〔2028〕1号",
        PdfText.squeezed("电动自行车"), "2028年4月1日", "2028年4月30日",
        PdfText.squeezed("检验批次 Batches tested：2"), PdfText.squeezed("抽样批次 Batches sampled：2"),
        "50.0%", PdfText.squeezed(ANALYSIS), PdfText.squeezed(drafted.failedClauses().lines().findFirst().orElseThrow()),
        PdfText.squeezed("原材料 Raw material（1）"));

    // withdrawn like any item: the PDF goes with it
    assertThat(publications.startChange(item.publicNumber(), Publications.ChangeKind.WITHDRAWAL)).isTrue();
    Task withdraw = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(item.publicNumber())
        .taskDefinitionKey("Task_WithdrawPublication").singleResult();
    submit(CaseWalker.MANAGER, withdraw, Map.of("withdrawalReason", "数据有误，更正后重新发布"));
    assertThat(rest.getForEntity(link, String.class).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void aBulletinNotApproved_hasNoPdf_andBadStartFormsAreRefused() {
    today(2028, 5, 7);
    ProcessInstance instance = start(CaseWalker.MANAGER, "E_BIKE", "2028-04-01", "2028-04-30");
    assertThat(unapprovedPdf(instance)).isNull();
    assertThat(rest.getForEntity("/public/bulletins/GS-2028-999999/pdf", String.class).getStatusCode().value())
        .isEqualTo(404);
    long items = count("rm_publication", "item_type = 'BULLETIN' AND status = 'PUBLISHED'");
    for (Publication other : publications.all()) {
      if (!"BULLETIN".equals(other.itemType()) || !other.published()) {
        assertThat(rest.getForEntity("/public/bulletins/" + other.publicNumber() + "/pdf", String.class)
            .getStatusCode().value()).as("no PDF behind %s", other.publicNumber()).isEqualTo(404);
      }
    }

    long bulletinsBefore = count("rm_bulletin", "1 = 1");
    assertThatThrownBy(() -> start(CaseWalker.COORDINATOR, "NOT_A_KIND", "2028-04-01", "2028-04-30"))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("产品类别 Product kind");
    assertThatThrownBy(() -> start(CaseWalker.COORDINATOR, "E_BIKE", "2028-04-30", "2028-04-01"))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("不得早于起始日期");
    assertThatThrownBy(() -> start(CaseWalker.COORDINATOR, "E_BIKE", "2028-04-01", "2028-06-30"))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("不得晚于2028-05-07");
    assertThat(count("rm_bulletin", "1 = 1")).isEqualTo(bulletinsBefore);
    assertThat(count("rm_publication", "item_type = 'BULLETIN' AND status = 'PUBLISHED'")).isEqualTo(items);
  }

  /** Before approval a bulletin has no PDF and no public item, so no public number leads to it. */
  private Long unapprovedPdf(ProcessInstance instance) {
    Bulletin b = bulletin(instance);
    assertThat(b.pdfSha256()).isNull();
    return b.publicationId();
  }

  private Bulletin bulletin(ProcessInstance instance) {
    return bulletins.find(((Number) engine.getRuntimeService().getVariable(instance.getId(), Bulletins.BULLETIN_ID))
        .longValue());
  }

  private ProcessInstance start(String userId, String kind, String from, String to) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(Bulletins.PROCESS_KEY).latestVersion().singleResult().getId();
    Map<String, Object> values = new HashMap<>();
    values.put("bulletinProductKind", kind);
    values.put("bulletinPeriodFrom", from);
    values.put("bulletinPeriodTo", to);
    return walker.as(userId, () -> engine.getFormService().submitStartForm(definitionId, values));
  }

  private Task task(ProcessInstance instance, String key) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    return task;
  }

  private void submit(String userId, Task task, Map<String, Object> values) {
    walker.as(userId, () -> {
      engine.getFormService().submitTaskForm(task.getId(), values);
      return null;
    });
  }

  private static void today(int year, int month, int day) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 10, 0).atZone(REGULATOR).toInstant()));
  }
}
