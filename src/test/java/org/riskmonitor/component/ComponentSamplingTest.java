package org.riskmonitor.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.analytics.Breakdown;
import org.riskmonitor.analytics.CaseFilter;
import org.riskmonitor.analytics.Dashboard;
import org.riskmonitor.analytics.Dimension;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.closure.ListedEnterprise;
import org.riskmonitor.closure.Outcome;
import org.riskmonitor.closure.RedBlackLists;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.DemoPlans;
import org.riskmonitor.demo.Route;
import org.riskmonitor.document.CaseAccess;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.officialdocument.PdfText;
import org.riskmonitor.summary.CaseSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Components waiting for assembly at an e-bike plant: sampled at the plant, answered for by their
 * labelled manufacturer, the supplier, who ends up on the red or black list for that component.
 */
class ComponentSamplingTest extends RiskMonitorTest {

  private static final List<String> PLANT = DemoPeople.ENTERPRISES.get(0);
  private static final List<String> SUPPLIER = DemoPeople.ENTERPRISES.get(2);
  private static final List<String> OTHER = DemoPeople.ENTERPRISES.get(1);

  @Autowired
  private CaseWalker walker;

  @Autowired
  private DemoPlans plans;

  @Autowired
  private MonitoringCases cases;

  @Autowired
  private RedBlackLists lists;

  @Autowired
  private CaseAccess access;

  @Autowired
  private CaseSummary summary;

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private Dashboard dashboard;

  @Test
  void aBatteryFailingReinspection_putsTheSupplierNotThePlantOnTheBlackList() {
    ProcessInstance instance = walker.openComponentCase(PLANT.get(0), ComponentType.LI_ION_BATTERY,
        "电动自行车用锂离子蓄电池组 48V20Ah", SUPPLIER.get(0), SUPPLIER.get(1));
    String caseNumber = instance.getBusinessKey();
    walker.finish(caseNumber, Route.remediated().with(r -> r.reinspectionPasses = false));

    MonitoringCase monitoringCase = cases.byNumber(caseNumber);
    assertThat(jdbc.queryForObject("SELECT CONCAT(outcome, '/', list_entry) FROM rm_case_closure WHERE case_id = ?",
        String.class, monitoringCase.id())).isEqualTo("ANNOUNCED/BLACK");
    assertThat(monitoringCase.productKind()).isEqualTo("E_BIKE_LI_BATTERY");

    List<ListedEnterprise> black = lists.entries(Outcome.ListEntry.BLACK, true).stream()
        .filter(entry -> entry.caseNumber().equals(caseNumber)).toList();
    assertThat(black).singleElement().satisfies(entry -> {
      assertThat(entry.enterpriseUscc()).isEqualTo(SUPPLIER.get(0));
      assertThat(entry.enterpriseName()).isEqualTo(SUPPLIER.get(1));
      assertThat(entry.monitored()).contains("锂离子蓄电池 Li-ion battery", "电动自行车用锂离子蓄电池");
      assertThat(entry.assemblyPlantName()).isEqualTo(PLANT.get(1));
    });
    assertThat(lists.entries(Outcome.ListEntry.BLACK, false)).noneMatch(entry -> entry.caseNumber().equals(caseNumber)
        && entry.enterpriseUscc().equals(PLANT.get(0)));
    assertThat(lists.entries(Outcome.ListEntry.RED, false)).noneMatch(entry -> entry.caseNumber().equals(caseNumber));

    // the plant confirmed the slip; the supplier answered the result, remediated, and was told of the risk
    assertThat(candidateGroups(instance, "Task_ConfirmSamplingSlip")).containsExactly(group(PLANT));
    for (String step : List.of("Task_RespondToResult", "Task_SubmitRemediationPlan", "Task_SubmitRemediationEvidence")) {
      assertThat(candidateGroups(instance, step)).as(step).containsExactly(group(SUPPLIER));
    }
    assertThat(notice(monitoringCase, "RESULT_NOTICE")).contains(SUPPLIER.get(1), SUPPLIER.get(0), PLANT.get(1),
        PdfText.squeezed("锂离子蓄电池 Li-ion battery"));
    assertThat(notice(monitoringCase, "RISK_NOTICE")).contains("零部件供应商", SUPPLIER.get(1));

    // both see the case, a stranger does not
    assertThat(access.maySee("enterprise1", List.of(group(PLANT)), monitoringCase)).isTrue();
    assertThat(access.maySee("enterprise3", List.of(group(SUPPLIER)), monitoringCase)).isTrue();
    assertThat(access.maySee("enterprise2", List.of(group(OTHER)), monitoringCase)).isFalse();
  }

  @Test
  void theFormsNameTheComponentAndItsSupplier_andTheStaffPageListsIt() {
    ProcessInstance instance = walker.openComponentCase(PLANT.get(0), ComponentType.CHARGER, "电动自行车充电器 48V3A",
        SUPPLIER.get(0), SUPPLIER.get(1));
    walker.advanceTo(instance.getBusinessKey(), "Task_ConfirmSamplingSlip", Route.allItemsPass());
    Task confirmation = walker.openTask(instance.getBusinessKey());
    assertThat(walker.actorFor(confirmation)).isEqualTo("enterprise1");
    assertThat(summary.ofTask(confirmation.getId(), List.of("enterpriseName", "componentLine")))
        .containsEntry("enterpriseName", PLANT.get(1))
        .hasEntrySatisfying("componentLine", line -> assertThat(line).contains("充电器 Charger", SUPPLIER.get(1),
            SUPPLIER.get(0)));
    walker.finish(instance.getBusinessKey(), Route.allItemsPass());

    MonitoringCase monitoringCase = cases.byNumber(instance.getBusinessKey());
    assertThat(lists.entries(Outcome.ListEntry.RED, true)).anySatisfy(entry -> {
      assertThat(entry.caseNumber()).isEqualTo(instance.getBusinessKey());
      assertThat(entry.enterpriseUscc()).isEqualTo(SUPPLIER.get(0));
      assertThat(entry.monitored()).contains("充电器 Charger");
    });
    ResponseEntity<String> page = rest.withBasicAuth("manager", DemoPeople.PASSWORD)
        .getForEntity("/manage/lists", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("零部件红榜 Red list of components", instance.getBusinessKey(),
        SUPPLIER.get(1), "充电器 Charger", PLANT.get(1));
    assertThat(rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD).getForEntity("/manage/lists", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT component_type FROM rm_monitoring_case WHERE id = ?", String.class,
        monitoringCase.id())).isEqualTo("CHARGER");
  }

  /** In a year no other test uses: the figures of the period hold this case only. */
  @Test
  void theDashboardCountsAComponentCaseForItsSupplier_withTheComponentBesideTheProductKind() {
    try {
      ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2033, 4, 5, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
      String caseNumber = walker.openComponentCase(PLANT.get(0), ComponentType.LI_ION_BATTERY, "锂离子蓄电池组",
          SUPPLIER.get(0), SUPPLIER.get(1)).getBusinessKey();
      walker.advanceTo(caseNumber, "Task_ReceiveSample", Route.remediated());

      LocalDate from = LocalDate.of(2033, 1, 1);
      LocalDate to = LocalDate.of(2034, 1, 1);
      String supplierDistrict = SUPPLIER.get(3);
      String plantDistrict = PLANT.get(3);
      assertThat(dashboard.forPeriod(from, to, new CaseFilter(null, supplierDistrict, null, null, null, null, null))
          .figures().batchesSampled()).isEqualTo(1);
      assertThat(dashboard.forPeriod(from, to, new CaseFilter(null, plantDistrict, null, null, null, null, null))
          .figures().batchesSampled()).isZero();
      assertThat(dashboard.forPeriod(from, to, CaseFilter.NONE).breakdowns().get(Dimension.CLUSTER))
          .extracting(Breakdown::name).containsExactly(SUPPLIER.get(4));
      String behind = rest.withBasicAuth("manager", DemoPeople.PASSWORD).getForEntity(
          "/dashboard/cases?figure=sampled&from=2033-01-01&to=2034-01-01", String.class).getBody();
      assertThat(behind).contains(caseNumber, SUPPLIER.get(1), "电动自行车用锂离子蓄电池（零部件 锂离子蓄电池）")
          .doesNotContain(PLANT.get(1));
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void badComponentInput_isRefusedWithABilingualMessage_andNothingIsWritten() {
    refused(v -> v.put("supplierUscc", "91120110MA07PGT99X"), "供应商未登记，请先登记企业 Supplier not registered");
    refused(v -> v.put("supplierUscc", "9112011"), "供应商统一社会信用代码 Supplier's USCC：不得少于18个字符");
    refused(v -> v.put("supplierUscc", "91120111MA07D2NP4I"), "供应商统一社会信用代码 Supplier's USCC：格式不正确");
    refused(v -> v.put("supplierUscc", "91120111MA07D2NP4X"), "供应商未登记，请先登记企业 Supplier not registered");
    refused(v -> {
      v.put("supplierUscc", PLANT.get(0));
      v.put("supplierName", PLANT.get(1));
    }, "供应商不能是被抽样的组装厂本身 The supplier cannot be the assembly plant sampled");
    refused(v -> v.remove("componentType"), "零部件类型 Component type：必填 required");
    refused(v -> v.put("componentType", "SADDLE"), "不是可选的值 not one of the choices");
    refused(v -> v.put("supplierName", "天津市某某锂电有限公司"), "与该统一社会信用代码登记的名称不符");
    refused(v -> v.put("planLineId", line("E_BIKE", "ASSEMBLY_COMPONENTS")), "产品类别应选 is tested as 电动自行车用锂离子蓄电池");
    refused(v -> v.put("planLineId", line("E_BIKE_LI_BATTERY", "PRODUCTION")), ComponentSampling.NOT_A_COMPONENT_CASE);
    refused(v -> {
      v.put("planLineId", line("E_BIKE_LI_BATTERY", "DISTRIBUTION"));
      v.remove("componentType");
      v.remove("supplierUscc");
    }, ComponentSampling.NOT_A_COMPONENT_CASE);
  }

  private void refused(Consumer<Map<String, Object>> change, String message) {
    Map<String, Object> values = new HashMap<>();
    values.put("planLineId", line("E_BIKE_LI_BATTERY", "ASSEMBLY_COMPONENTS"));
    values.put("enterpriseUscc", PLANT.get(0));
    values.put("productName", "电动自行车用锂离子蓄电池组");
    values.put("componentType", "LI_ION_BATTERY");
    values.put("supplierUscc", SUPPLIER.get(0));
    values.put("supplierName", SUPPLIER.get(1));
    change.accept(values);
    long casesBefore = count("rm_monitoring_case", "1 = 1");
    long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("risk-case").count();

    assertThatThrownBy(() -> walker.startCase(values)).isInstanceOf(FormRefusal.class).hasMessageContaining(message);

    assertThat(count("rm_monitoring_case", "1 = 1")).isEqualTo(casesBefore);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("risk-case")
        .count()).isEqualTo(instancesBefore);
  }

  /** An open plan line of the kind and venue in the plant's district: the kind and venue come from the line. */
  private String line(String productKind, String venue) {
    return String.valueOf(plans.openLineFor(PLANT.get(0), productKind, venue, 1));
  }

  private Set<String> candidateGroups(ProcessInstance instance, String taskKey) {
    List<HistoricTaskInstance> tasks = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
    assertThat(tasks).as(taskKey).isNotEmpty();
    return Set.copyOf(tasks.stream().flatMap(task -> engine.getHistoryService().createHistoricIdentityLinkLogQuery()
            .taskId(task.getId()).type("candidate").list().stream())
        .map(HistoricIdentityLinkLog::getGroupId)
        .filter(g -> g != null && g.startsWith("ent")).toList());
  }

  private String notice(MonitoringCase monitoringCase, String kind) {
    byte[] content = jdbc.queryForObject("SELECT content FROM rm_document WHERE case_id = ? AND kind = ? ORDER BY id LIMIT 1",
        byte[].class, monitoringCase.id(), kind);
    return PdfText.squeezedOf(content);
  }

  private static String group(List<String> enterprise) {
    return EnterpriseRegistry.groupIdFor(enterprise.get(0));
  }
}
