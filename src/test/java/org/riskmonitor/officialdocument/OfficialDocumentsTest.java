package org.riskmonitor.officialdocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.document.DocumentStore;
import org.riskmonitor.tasklist.TaskFilters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The official documents of walked cases, read back from their PDFs as the enterprise would read them. */
class OfficialDocumentsTest extends RiskMonitorTest {

  private static final List<String> ENTERPRISE = DemoPeople.ENTERPRISES.get(0);

  @Autowired
  private CaseWalker walker;
  @Autowired
  private OfficialDocuments officialDocuments;
  @Autowired
  private DocumentStore documents;
  @Autowired
  private TestRestTemplate rest;
  @Autowired
  private RegulatorClock clock;

  @Test
  void everyKindIsIssuedAsANumberedPdf_withTheCaseTheEnterpriseAndTheFailedItems_inTheBundledFont() {
    String remediated = open();
    walker.finish(remediated, Route.remediated());
    String announced = open();
    walker.finish(announced, Route.remediated().with(r -> r.reinspectionPasses = false));

    List<OfficialDocument> issued = new ArrayList<>(officialDocuments.ofCase(caseId(remediated)));
    issued.addAll(officialDocuments.ofCase(caseId(announced)));
    assertThat(issued).extracting(OfficialDocument::kind).containsAll(
        // a bulletin is of no case: bulletin.BulletinPathsTest reads its PDF back
        Arrays.stream(OfficialDocumentKind.values()).filter(kind -> kind != OfficialDocumentKind.BULLETIN)
            .map(Enum::name).toList());

    int year = clock.today().getYear();
    for (OfficialDocument document : issued) {
      String caseNumber = document.caseId() == caseId(remediated) ? remediated : announced;
      byte[] pdf = documents.content(document.documentId());
      assertThat(documents.find(document.documentId()).contentType()).isEqualTo("application/pdf");
      String text = PdfText.squeezedOf(pdf);
      assertThat(document.docNumber()).as(document.kind())
          .matches("津市监\\p{IsHan}+〔" + document.docYear() + "〕" + document.docSeq() + "号");
      assertThat(document.docYear()).isEqualTo(year);
      assertThat(text).as(document.kind()).contains(PdfText.squeezed(caseNumber), ENTERPRISE.get(1),
          document.docNumber(), "天津市市场监督管理局", "依据");
      assertThat(text).as(document.kind()).contains(PdfText.squeezed(document.legalBasis()));
      // what failed in the report the document follows: the first for the notices, order and alert, the
      // re-inspection for the announcement and closure (none when the re-inspection passed)
      boolean afterReinspection = document.kind().equals("PUBLIC_ANNOUNCEMENT") || document.kind().equals("CLOSURE_DECISION");
      List<String> failed = failedItems(caseNumber, afterReinspection);
      assertThat(failed.isEmpty()).as(document.kind()).isEqualTo(afterReinspection && caseNumber.equals(remediated));
      for (String item : failed) {
        assertThat(text).as(document.kind() + " names " + item).contains(PdfText.squeezed(item));
      }
      List<PDFont> fonts = PdfText.fonts(pdf);
      assertThat(fonts).isNotEmpty().allSatisfy(font -> {
        assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
        assertThat(font.getName()).as("a subset of the bundled font").matches("[A-Z]{6}\\+NotoSansSC-(Regular|Bold)");
      });
    }
    // the dates that start legal clocks are written in the documents that set them
    assertThat(text(remediated, OfficialDocumentKind.RESULT_NOTICE)).contains("请于", "前向我局提出书面复检申请");
    assertThat(text(remediated, OfficialDocumentKind.REMEDIATION_ORDER)).contains("整改期限", "复查日期");
    assertThat(text(announced, OfficialDocumentKind.PUBLIC_ANNOUNCEMENT)).contains("产品质量问题的公告");
    assertThat(text(remediated, OfficialDocumentKind.CONSUMER_ALERT)).contains("消费提示", "查看3C标志");
    assertThat(text(remediated, OfficialDocumentKind.CLOSURE_DECISION)).contains("整改完成，复查合格");
    // listed on the case like every document, with its SHA-256
    assertThat(documents.ofCase(caseId(remediated))).filteredOn(d -> d.kind().equals("REMEDIATION_ORDER"))
        .singleElement().satisfies(d -> assertThat(d.sha256()).hasSize(64));
    assertThat(count("rm_document", "case_id = ? AND file_name LIKE '%.txt'", caseId(remediated))).isZero();
  }

  @Test
  void numbersRunWithoutGapsOrRepeatsPerKindAndYear() {
    walker.finish(open(), Route.remediated());
    walker.finish(open(), Route.remediated());
    for (OfficialDocumentKind kind : OfficialDocumentKind.values()) {
      List<Integer> numbers = jdbc.queryForList("SELECT doc_seq FROM rm_official_document WHERE kind = ? AND doc_year = ? "
          + "ORDER BY doc_seq", Integer.class, kind.name(), clock.today().getYear());
      assertThat(numbers).as(kind.name()).containsExactlyElementsOf(IntStream.rangeClosed(1, numbers.size()).boxed().toList());
    }
    assertThat(count("rm_official_document", "kind = 'RESULT_NOTICE'")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theEnterpriseConfirmsReceiptInItsTaskList() {
    String caseNumber = open();
    walker.advanceTo(caseNumber, "Task_RespondToResult", Route.remediated());
    OfficialDocument notice = officialDocuments.ofCase(caseId(caseNumber)).stream()
        .filter(d -> d.kind().equals("RESULT_NOTICE")).findFirst().orElseThrow();
    Task receipt = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(notice.docNumber()).singleResult();
    assertThat(receipt.getTaskDefinitionKey()).isEqualTo("Task_ConfirmReceipt");
    assertThat(receipt.getDueDate()).isNotNull();
    assertThat(engine.getTaskService().getVariablesLocal(receipt.getId()))
        .containsEntry("caseNumber", caseNumber).containsEntry("enterpriseName", ENTERPRISE.get(1));
    // the case still has one task of its own under its number: the receipt is keyed by the document's
    assertThat(walker.openTask(caseNumber).getTaskDefinitionKey()).isEqualTo("Task_RespondToResult");

    String member = member();
    assertThat(tasks(member, TaskFilters.MY_ORGANISATION)).contains(receipt.getId());
    // its form names the document and links the PDF, which the enterprise may download
    ResponseEntity<String> form = rest.withBasicAuth(member, DemoPeople.PASSWORD)
        .getForEntity("/engine-rest/task/" + receipt.getId() + "/form-variables", String.class);
    assertThat(form.getStatusCode().value()).as(form.getBody()).isEqualTo(200);
    assertThat(form.getBody()).contains(notice.docNumber(), caseNumber, "/api/documents/" + notice.documentId());
    ResponseEntity<byte[]> pdf = rest.withBasicAuth(member, DemoPeople.PASSWORD)
        .getForEntity("/api/documents/" + notice.documentId(), byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(PdfText.squeezedOf(pdf.getBody())).contains(notice.docNumber());
    assertThat(tasks(other(), TaskFilters.MY_ORGANISATION))
        .doesNotContain(receipt.getId());

    assertThatThrownBy(() -> walker.as(member, () -> {
      engine.getFormService().submitTaskForm(receipt.getId(), Map.of("receiptConfirmed", false));
      return null;
    })).isInstanceOf(ProcessEngineException.class).hasMessageContaining("须勾选确认");
    assertThat(officialDocuments.find(notice.id()).receivedAt()).isNull();

    walker.as(member, () -> {
      engine.getFormService().submitTaskForm(receipt.getId(), Map.of("receiptConfirmed", true));
      return null;
    });
    OfficialDocument received = officialDocuments.find(notice.id());
    assertThat(received.receivedBy()).isEqualTo(member);
    assertThat(received.receivedAt()).isNotNull();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(notice.docNumber()).count()).isZero();
  }

  private String open() {
    ProcessInstance instance = walker.open(ENTERPRISE.get(0), "E_BIKE", "电动自行车");
    return instance.getBusinessKey();
  }

  private long caseId(String caseNumber) {
    return jdbc.queryForObject("SELECT id FROM rm_monitoring_case WHERE case_number = ?", Long.class, caseNumber);
  }

  private String text(String caseNumber, OfficialDocumentKind kind) {
    OfficialDocument document = officialDocuments.ofCase(caseId(caseNumber)).stream()
        .filter(d -> d.kind().equals(kind.name())).findFirst().orElseThrow();
    return PdfText.squeezedOf(documents.content(document.documentId()));
  }

  /** The failed items of the case's first or latest report, as the documents list them. */
  private List<String> failedItems(String caseNumber, boolean latest) {
    return jdbc.queryForList("SELECT CONCAT(i.standard_code, ' ', i.clause, ' ', i.requirement, '：', i.measured_value) "
        + "FROM rm_test_item i JOIN rm_test_report r ON r.id = i.report_id "
        + "JOIN rm_monitoring_case c ON c.id = r.case_id WHERE c.case_number = ? AND i.passed = FALSE "
        + "AND r.id = (SELECT " + (latest ? "MAX" : "MIN") + "(id) FROM rm_test_report WHERE case_id = c.id)",
        String.class, caseNumber);
  }

  private String member() {
    return memberOf("ent" + ENTERPRISE.get(0));
  }

  private String other() {
    return memberOf("ent" + DemoPeople.ENTERPRISES.get(1).get(0));
  }

  private String memberOf(String group) {
    return engine.getIdentityService().createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
        .map(User::getId).findFirst().orElseThrow();
  }

  private List<String> tasks(String user, String filterName) {
    Filter filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult();
    return walker.as(user, () -> engine.getFilterService().<Task>list(filter.getId())).stream().map(Task::getId).toList();
  }
}
