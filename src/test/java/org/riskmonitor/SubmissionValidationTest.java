package org.riskmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.input.FormRefusal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every submitted value is checked again on the server; a refused submission leaves the case,
 * its variables and our tables exactly as they were.
 */
class SubmissionValidationTest extends RiskMonitorTest {

  private static final String E_BIKES = DemoPeople.ENTERPRISES.get(0).get(0);

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TestRestTemplate rest;

  @Test
  void malformedUscc_caseNotOpened() {
    long cases = count("rm_monitoring_case", "1 = 1");
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();

    assertThatThrownBy(() -> walker.open("91120116MA05K8T2X", "E_BIKE", "电动自行车"))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("统一社会信用代码");
    assertThatThrownBy(() -> walker.open("9112011OMA05K8T2XA", "E_BIKE", "电动自行车"))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("格式不正确");

    assertThat(count("rm_monitoring_case", "1 = 1")).isEqualTo(cases);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void usccWithWrongCheckCharacter_unknownEnterprise_refused() {
    assertThatThrownBy(() -> walker.open("91120116MA05K8T2XB", "E_BIKE", "电动自行车"))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("企业未登记");
  }

  /** The product kind comes from a plan line: a case without one, or with a line that does not exist, is refused. */
  @Test
  void planLineMissingOrUnknown_refused() {
    assertThatThrownBy(() -> walker.open(E_BIKES, "E_SCOOTER", "电动滑板车"))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("监测计划行 Plan line：必填 required");
    assertThatThrownBy(() -> walker.openFromLine(987654321L, E_BIKES, "电动自行车"))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("监测计划行 Plan line：不是可选的值 not one of the choices");
  }

  @Test
  void samplingSlipWithMissingWrongAndInconsistentValues_refusedAndNothingWritten() {
    ProcessInstance instance = walker.open(E_BIKES, "E_BIKE", "电动自行车");
    walker.advanceTo(instance.getBusinessKey(), "Task_FillSamplingSlip", Route.remediated());
    Task slip = walker.openTask(instance.getBusinessKey());
    Map<String, Object> values = new HashMap<>(walker.valuesFor(slip, Route.remediated()));
    values.remove("brand");
    values.put("stockQuantity", "很多");
    values.put("backupSealNumber", values.get("testSealNumber"));
    values.put("productionDate", "2025-13-40");

    assertThatThrownBy(() -> walker.submit(slip, values)).isInstanceOf(FormRefusal.class)
        .satisfies(e -> assertThat(((FormRefusal) e).problems()).hasSize(4))
        .hasMessageContaining("商标").hasMessageContaining("必填 required")
        .hasMessageContaining("应为整数").hasMessageContaining("封样编号不得相同").hasMessageContaining("应为日期");

    assertThat(walker.openTask(instance.getBusinessKey()).getId()).isEqualTo(slip.getId());
    assertThat(count("rm_sampling_slip s JOIN rm_monitoring_case c ON c.id = s.case_id", "c.case_number = ?",
        instance.getBusinessKey())).isZero();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "stockQuantity")).isNull();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "testSampleId")).isNull();
  }

  @Test
  void textLongerThanTheFormAllows_refused() {
    ProcessInstance instance = walker.open(E_BIKES, "E_BIKE", "电动自行车");
    walker.advanceTo(instance.getBusinessKey(), "Task_ConfirmSamplingSlip", Route.remediated());
    Task confirm = walker.openTask(instance.getBusinessKey());
    Map<String, Object> values = new HashMap<>(walker.valuesFor(confirm, Route.remediated()));
    values.put("enterpriseSignatory", "李".repeat(101));

    assertThatThrownBy(() -> walker.submit(confirm, values)).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("不得超过100个字符");
    assertThat(count("rm_sampling_slip s JOIN rm_monitoring_case c ON c.id = s.case_id",
        "c.case_number = ? AND s.confirmed_at IS NOT NULL", instance.getBusinessKey())).isZero();
  }

  @Test
  void testReportWithAForgedItem_refused() {
    ProcessInstance instance = walker.open(E_BIKES, "E_BIKE", "电动自行车");
    walker.advanceTo(instance.getBusinessKey(), "Task_TestSample", Route.remediated());
    Task test = walker.openTask(instance.getBusinessKey());
    Map<String, Object> values = new HashMap<>(walker.valuesFor(test, Route.remediated()));
    String items = ((TypedValue) values.get("testItems")).getValue().toString()
        .replaceFirst("GB 17761-2018", "GB 0000-1999");
    values.put("testItems", SpinValues.jsonValue(items).create());

    assertThatThrownBy(() -> walker.submit(test, values)).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("检验项目与标准不符");
    assertThat(count("rm_test_report r JOIN rm_monitoring_case c ON c.id = r.case_id", "c.case_number = ?",
        instance.getBusinessKey())).isZero();
  }

  @Test
  void testReportWithoutItsPdfUploadedOnTheTask_refused_evenWithAnotherCasesPdf() {
    ProcessInstance other = walker.open(E_BIKES, "E_BIKE", "电动自行车");
    walker.advanceTo(other.getBusinessKey(), "Task_ReviewReport", Route.remediated());
    long otherCasesPdfs = count("rm_document d JOIN rm_monitoring_case c ON c.id = d.case_id",
        "c.case_number = ? AND d.kind = 'TEST_REPORT_PDF'", other.getBusinessKey());
    ProcessInstance instance = walker.open(E_BIKES, "E_BIKE", "电动自行车");
    walker.advanceTo(instance.getBusinessKey(), "Task_TestSample", Route.remediated());
    Task test = walker.openTask(instance.getBusinessKey());

    assertThatThrownBy(() -> walker.submit(test, walker.formValues(test, Route.remediated())))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("请在“材料 Documents”标签页上传检验报告PDF")
        .hasMessageContaining("please upload the test report PDF in the Documents tab");
    assertThat(otherCasesPdfs).as("the other case has its report PDF, on another task").isPositive();
    assertThat(count("rm_test_report r JOIN rm_monitoring_case c ON c.id = r.case_id", "c.case_number = ?",
        instance.getBusinessKey())).isZero();

    walker.uploadDocumentsFor(test);
    walker.submit(test, walker.formValues(test, Route.remediated()));
    assertThat(count("rm_test_report r JOIN rm_monitoring_case c ON c.id = r.case_id", "c.case_number = ?",
        instance.getBusinessKey())).isOne();
  }

  @Test
  void riskScenarioWithAnImpossibleProbability_refused() {
    ProcessInstance instance = walker.open(E_BIKES, "E_BIKE", "电动自行车");
    walker.advanceTo(instance.getBusinessKey(), "Task_AssessRisk", Route.remediated());
    Task assess = walker.openTask(instance.getBusinessKey());
    Map<String, Object> values = Map.of("riskScenarios", SpinValues.jsonValue(Spin.JSON(List.of(
        Map.of("description", "电池起火", "severity", "5", "stepProbabilities", "3/2")))).create());

    assertThatThrownBy(() -> walker.submit(assess, values)).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("第1行").hasMessageContaining("不是可选的值").hasMessageContaining("0到1之间");
    assertThat(count("rm_risk_assessment a JOIN rm_monitoring_case c ON c.id = a.case_id", "c.case_number = ?",
        instance.getBusinessKey())).isZero();
  }

  @Test
  void refusedSubmissionOverRest_is400WithTheBilingualMessage_andTheTaskStaysOpen() {
    ProcessInstance instance = walker.open(E_BIKES, "E_BIKE", "电动自行车");
    walker.advanceTo(instance.getBusinessKey(), "Task_ConfirmSamplingSlip", Route.remediated());
    Task confirm = walker.openTask(instance.getBusinessKey());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = """
        {"variables": {"slipConfirmed": {"value": false, "type": "Boolean"},
                       "enterpriseSignatory": {"value": "<script>alert(1)</script>", "type": "String"}}}""";

    ResponseEntity<String> response = rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD).postForEntity("/engine-rest/task/" + confirm.getId() + "/submit-form",
        new HttpEntity<>(body, headers), String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).contains("须勾选确认 must be ticked");
    assertThat(walker.openTask(instance.getBusinessKey()).getId()).isEqualTo(confirm.getId());
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "enterpriseSignatory")).isNull();
  }
}
