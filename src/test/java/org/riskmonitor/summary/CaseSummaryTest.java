package org.riskmonitor.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.officialdocument.PdfText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * What a form shows of its case is read from our tables when the form is opened, for every role,
 * and the process no longer carries copies of it.
 */
class CaseSummaryTest extends RiskMonitorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TestRestTemplate rest;

  @Test
  void theEnterpriseConfirmingTheSlip_readsItsAddressSamplerLabAndBatchFromTheTables() throws Exception {
    String caseNumber = open();
    walker.advanceTo(caseNumber, "Task_ConfirmSamplingSlip", Route.remediated());
    Task confirm = walker.openTask(caseNumber);

    JsonNode form = formVariables("enterprise1", confirm, "");
    Map<String, Object> enterprise = jdbc.queryForMap("SELECT e.address, d.name AS district, l.name AS lab "
        + "FROM rm_monitoring_case c JOIN rm_enterprise e ON e.id = c.enterprise_id "
        + "JOIN rm_district d ON d.code = e.district_code JOIN rm_lab l ON l.id = c.lab_id WHERE c.case_number = ?",
        caseNumber);
    assertThat(form.path("enterpriseAddress").path("value").asText()).isEqualTo(enterprise.get("address"));
    assertThat(form.path("enterpriseAddress").path("type").asText()).isEqualTo("String");
    assertThat(form.path("districtName").path("value").asText()).isEqualTo(enterprise.get("district"));
    assertThat(form.path("labName").path("value").asText()).isEqualTo(enterprise.get("lab"));
    assertThat(form.path("venueName").path("value").asText()).isEqualTo("生产领域 Production");
    assertThat(form.path("productKindName").path("value").asText()).isEqualTo("电动自行车 E-bike");
    assertThat(form.path("samplerName").path("value").asText()).isNotBlank();
    assertThat(form.path("brand").path("value").asText()).isEqualTo("津骑");
    assertThat(form.path("testSealNumber").path("value").asText()).endsWith("A");
    assertThat(form.path("documentLinks").path("value").asText()).contains("seal.png", "/api/documents/");
    // the form's own fields are not the summary's
    assertThat(form.has("enterpriseSignatory")).isFalse();

    // only the names asked for, as the embedded forms ask
    JsonNode asked = formVariables("enterprise1", confirm, "?variableNames=labName,caseNumber");
    assertThat(asked.has("labName")).isTrue();
    assertThat(asked.has("enterpriseAddress")).isFalse();

    // the process keeps ids and routing, not the display copies
    Map<String, Object> process = engine.getRuntimeService().getVariables(confirm.getProcessInstanceId());
    assertThat(process).containsKeys("caseId", "labId", "samplerId", "caseNumber", "enterpriseName")
        .doesNotContainKeys("enterpriseAddress", "districtName", "productKindName", "venueName", "samplerName",
            "labName");
    assertThat(engine.getTaskService().getVariablesLocal(confirm.getId())).doesNotContainKey("documentLinks");
  }

  @Test
  void theEnterpriseAnsweringANonconformingResult_readsConclusionItemsAndDeadlineFromTheTables() throws Exception {
    String caseNumber = open();
    walker.advanceTo(caseNumber, "Task_RespondToResult", Route.remediated());
    Task respond = walker.openTask(caseNumber);

    JsonNode form = formVariables("enterprise1", respond, "");
    // CONCAT, not ||: on MariaDB || is a logical OR
    List<String> failed = jdbc.queryForList("SELECT CONCAT(i.standard_code, ' ', i.clause, ' ', i.requirement, '：', "
        + "i.measured_value) FROM rm_test_item i JOIN rm_test_report r ON r.id = i.report_id "
        + "JOIN rm_monitoring_case c ON c.id = r.case_id WHERE c.case_number = ? AND i.passed = FALSE ORDER BY i.item_no",
        String.class, caseNumber);
    assertThat(failed).isNotEmpty();
    assertThat(form.path("testConclusion").path("value").asText()).isEqualTo("不合格 Nonconforming");
    assertThat(form.path("nonconformingItems").path("value").asText()).isEqualTo(String.join("\n", failed));
    String deadline = jdbc.queryForObject("SELECT n.objection_deadline FROM rm_result_notice n "
        + "JOIN rm_monitoring_case c ON c.id = n.case_id WHERE c.case_number = ?", java.sql.Timestamp.class, caseNumber)
        .toLocalDateTime().toLocalDate().toString();
    assertThat(form.path("objectionDeadlineText").path("value").asText()).isEqualTo(deadline);

    // the written notice reads the same values
    byte[] notice = jdbc.queryForObject("SELECT d.content FROM rm_document d JOIN rm_monitoring_case c "
        + "ON c.id = d.case_id WHERE c.case_number = ? AND d.kind = 'RESULT_NOTICE'", byte[].class, caseNumber);
    assertThat(PdfText.squeezedOf(notice)).contains(PdfText.squeezed("结论 Conclusion：不合格 Nonconforming"),
        PdfText.squeezed(failed.get(0)), deadline, PdfText.squeezed("批号 Batch：B20250610"));

    assertThat(engine.getRuntimeService().getVariables(respond.getProcessInstanceId()))
        .containsKeys("nonconforming", "objectionDeadline", "reportId")
        .doesNotContainKeys("testConclusion", "nonconformingItems", "objectionDeadlineText");
  }

  @Test
  void aRetest_isShownWithItsOwnLab_toTheLabAndToTheCoordinator() throws Exception {
    String caseNumber = open();
    Route retest = Route.remediated().with(b -> b.objection = Route.Objection.RETEST_CONFIRMS);
    walker.advanceTo(caseNumber, "Task_DecideObjection", retest);
    walker.advanceTo(caseNumber, "Task_ReceiveSample", retest);
    Task receive = walker.openTask(caseNumber);
    assertThat(receive.getTaskDefinitionKey()).isEqualTo("Task_ReceiveSample");
    String retestLab = jdbc.queryForObject("SELECT l.name FROM rm_objection o JOIN rm_lab l ON l.id = o.retest_lab_id "
        + "JOIN rm_monitoring_case c ON c.id = o.case_id WHERE c.case_number = ?", String.class, caseNumber);
    String firstLab = jdbc.queryForObject("SELECT l.name FROM rm_monitoring_case c JOIN rm_lab l ON l.id = c.lab_id "
        + "WHERE c.case_number = ?", String.class, caseNumber);
    assertThat(retestLab).isNotEqualTo(firstLab);
    assertThat(formVariables("coordinator", receive, "").path("labName").path("value").asText()).isEqualTo(retestLab);
    assertThat(engine.getRuntimeService().getVariables(receive.getProcessInstanceId()))
        .containsKey("testLabId").doesNotContainKeys("labName", "retestLabName", "testLabName");

    walker.advanceTo(caseNumber, "Task_AssignRiskExpert", retest);
    Task assignExpert = walker.openTask(caseNumber);
    JsonNode assign = formVariables("coordinator", assignExpert, "");
    assertThat(assign.path("retestLabName").path("value").asText()).isEqualTo(retestLab);
    assertThat(assign.path("testConclusion").path("value").asText()).isEqualTo("不合格 Nonconforming");
    assertThat(engine.getRuntimeService().getVariables(assignExpert.getProcessInstanceId()))
        .containsKey("retestLabId").doesNotContainKeys("retestLabName", "testConclusion", "nonconformingItems");
  }

  private String open() {
    return walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
  }

  private JsonNode formVariables(String user, Task task, String query) throws Exception {
    ResponseEntity<String> answer = rest.withBasicAuth(user, DemoPeople.PASSWORD)
        .getForEntity("/engine-rest/task/" + task.getId() + "/form-variables" + query, String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return JSON.readTree(answer.getBody());
  }
}
