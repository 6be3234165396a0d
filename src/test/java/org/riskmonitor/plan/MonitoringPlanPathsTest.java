package org.riskmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.laboratory.Lab;
import org.riskmonitor.laboratory.Laboratories;
import org.riskmonitor.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path of the yearly plan, through the real forms and listeners: agreed and approved,
 * then amended while in force and ended with its year; sent back by the expert and returned by the
 * manager; and every form of the plan refusing bad input with nothing written.
 */
class MonitoringPlanPathsTest extends RiskMonitorTest {

  private static final Set<String> PROCESS_INSTANCES = new HashSet<>();
  private static ProcessEngine sharedEngine;

  @Autowired
  private MonitoringPlans plans;

  @Autowired
  private PlanProcess process;

  @Autowired
  private Laboratories labs;

  @Autowired
  private RegulatorClock clock;

  @Test
  void agreedAndApproved_inForce_amendedWithItsReason_endsWithItsYear() {
    ProcessInstance instance = draft(threeLines());
    MonitoringPlan drafted = plans.byNumber(instance.getBusinessKey());
    assertThat(drafted.planNumber()).isEqualTo(String.format("JH-%d-%03d", year(), drafted.id()));
    assertThat(drafted.status()).isEqualTo(MonitoringPlan.DRAFT);
    assertThat(plans.lines(drafted.id())).extracting(PlanLine::lineNo).containsExactly(1, 2, 3);

    Task review = task(instance);
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewPlan");
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anyMatch(link -> Roles.EXPERTS.equals(link.getGroupId()));
    assertThat(engine.getTaskService().getVariable(review.getId(), "planSummary").toString())
        .contains("3个计划行 lines", "共36批 batches", "/plans/" + drafted.planNumber());
    submit("expert1", Roles.EXPERTS, review, Map.of("reviewDecision", "AGREE"));

    Task approval = task(instance);
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApprovePlan");
    assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
        .anyMatch(link -> Roles.MANAGERS.equals(link.getGroupId()));
    submit("manager", Roles.MANAGERS, approval, Map.of("approvalDecision", "APPROVE"));

    MonitoringPlan approved = plans.byNumber(instance.getBusinessKey());
    assertThat(approved.status()).isEqualTo(MonitoringPlan.APPROVED);
    assertThat(approved.version()).isEqualTo(1);
    assertThat(approved.approvedBy()).isEqualTo("manager");
    assertThat(approved.reviewedBy()).isEqualTo("expert1");
    assertThat(instance).isWaitingAt("Timer_PlanPeriodOver");

    Task amend = process.requestAmendment(approved.planNumber());
    assertThat(amend.getTaskDefinitionKey()).isEqualTo("Task_AmendPlan");
    assertThat(process.requestAmendment(approved.planNumber()).getId()).as("one amendment step at a time")
        .isEqualTo(amend.getId());
    PlanLine first = plans.lines(approved.id()).get(0);
    submit("manager", Roles.MANAGERS, amend, Map.of("amendLineId", String.valueOf(first.id()), "newBatches", 25,
        "newPeriodTo", LocalDate.of(year(), 12, 31).toString(), "amendmentReason", "网络舆情集中，增加批次 More batches after complaints online"));

    MonitoringPlan amended = plans.byNumber(instance.getBusinessKey());
    assertThat(amended.version()).isEqualTo(2);
    assertThat(plans.line(first.id()).batches()).isEqualTo(25);
    assertThat(plans.amendments(approved.id())).singleElement().satisfies(a -> {
      assertThat(a.batchesBefore()).isEqualTo(10);
      assertThat(a.batchesAfter()).isEqualTo(25);
      assertThat(a.planVersion()).isEqualTo(2);
      assertThat(a.reason()).startsWith("网络舆情集中");
      assertThat(a.amendedBy()).isEqualTo("manager");
    });
    assertThat(instance).isWaitingAt("Timer_PlanPeriodOver");

    Job yearEnd = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(clock.local(yearEnd.getDuedate())).isEqualTo(LocalDate.of(year() + 1, 1, 1).atStartOfDay());
    engine.getManagementService().executeJob(yearEnd.getId());
    assertThat(instance).isEnded().hasPassed("EndEvent_PlanCompleted", "EndEvent_PlanAmended");
    assertThatThrownBy(() -> process.requestAmendment(approved.planNumber())).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("计划期已结束");
  }

  @Test
  void sentBackByTheExpert_returnedByTheManager_revisedEachTime_thenApproved() {
    ProcessInstance instance = draft(threeLines());
    long planId = plans.byNumber(instance.getBusinessKey()).id();
    submit("expert1", Roles.EXPERTS, task(instance), Map.of("reviewDecision", "SEND_BACK",
        "reviewOpinion", "燃气灶批次偏少 Too few gas-stove batches"));
    assertThat(plans.plan(planId).reviewOpinion()).startsWith("燃气灶批次偏少");

    Task revise = task(instance);
    assertThat(revise.getTaskDefinitionKey()).isEqualTo("Task_RevisePlan");
    assertThat(engine.getTaskService().getVariable(revise.getId(), "labOptions").toString()).contains("TJQI1");
    List<Map<String, Object>> revised = threeLines();
    revised.get(2).put("batches", 20);
    submit("coordinator", Roles.COORDINATORS, revise, draftValues(revised));
    assertThat(plans.lines(planId)).extracting(PlanLine::batches).containsExactly(10, 12, 20);

    submit("expert2", Roles.EXPERTS, task(instance), Map.of("reviewDecision", "AGREE"));
    submit("manager", Roles.MANAGERS, task(instance), Map.of("approvalDecision", "RETURN",
        "approvalComment", "请补充电商渠道 Add an e-commerce line"));
    assertThat(plans.plan(planId).status()).isEqualTo(MonitoringPlan.DRAFT);

    List<Map<String, Object>> withOnline = threeLines();
    withOnline.add(line("PORTABLE_LI_BATTERY", "E_COMMERCE", "120111", 8, labA(), "150.00", "2200.00"));
    submit("coordinator", Roles.COORDINATORS, task(instance), draftValues(withOnline));
    submit("expert2", Roles.EXPERTS, task(instance), Map.of("reviewDecision", "AGREE"));
    submit("manager", Roles.MANAGERS, task(instance), Map.of("approvalDecision", "APPROVE"));

    assertThat(plans.plan(planId).status()).isEqualTo(MonitoringPlan.APPROVED);
    assertThat(plans.lines(planId)).hasSize(4);
    assertThat(instance).isWaitingAt("Timer_PlanPeriodOver").hasPassedInOrder("Task_ReviewPlan", "Task_RevisePlan",
        "Task_ReviewPlan", "Task_ApprovePlan", "Task_RevisePlan", "Task_ReviewPlan", "Task_ApprovePlan");
  }

  @Test
  void draftWithBadLines_refusedLineByLine_andNothingWritten() {
    long plansBefore = count("rm_monitoring_plan", "1 = 1");
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
    Lab labB = labs.all().stream().filter(lab -> lab.code().equals("TJQI2")).findFirst().orElseThrow();
    List<Map<String, Object>> bad = new ArrayList<>();
    bad.add(line("GAS_STOVE", "PRODUCTION", "120117", 10, String.valueOf(labB.id()), "500", "2600"));
    bad.add(line("E_BIKE", "PRODUCTION", "999999", 0, labA(), "-1", "1.234"));
    Map<String, Object> wrongPeriod = line("E_BIKE", "DISTRIBUTION", "120116", 10001, labA(), "1", "1");
    wrongPeriod.put("periodFrom", LocalDate.of(year(), 6, 1).toString());
    wrongPeriod.put("periodTo", LocalDate.of(year(), 5, 1).toString());
    bad.add(wrongPeriod);
    Map<String, Object> nextYear = line("WIRE_CABLE", "PRODUCTION", "120113", 5, labA(), "1", "1");
    nextYear.put("periodTo", LocalDate.of(year() + 1, 1, 31).toString());
    bad.add(nextYear);
    bad.add(line("WIRE_CABLE", "TELEPORT", "120113", 5, labA(), "1", "1"));

    assertThatThrownBy(() -> draft(bad)).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("计划行 Plan lines 第1行 row 1 检验机构 Laboratory：资质不覆盖该产品类别")
        .hasMessageContaining("第2行 row 2 区域 District：不是可选的值 not one of the choices")
        .hasMessageContaining("第2行 row 2 批次数 Batches：应为1至10000的整数")
        .hasMessageContaining("第2行 row 2 每批抽样预算 Sampling budget per batch：应为不小于0、最多两位小数的金额")
        .hasMessageContaining("第2行 row 2 每批检验预算 Testing budget per batch：应为不小于0、最多两位小数的金额")
        .hasMessageContaining("第3行 row 3 批次数 Batches：应为1至10000的整数")
        .hasMessageContaining("第3行 row 3 抽样期起不得晚于抽样期止")
        .hasMessageContaining("第4行 row 4 抽样期须在计划年度" + year() + "内")
        .hasMessageContaining("第5行 row 5 抽样领域 Venue：不是可选的值");

    List<Map<String, Object>> twice = new ArrayList<>(List.of(threeLines().get(0), threeLines().get(0)));
    assertThatThrownBy(() -> draft(twice)).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("计划行第1行与第2行相同 Lines 1 and 2 are the same");
    assertThatThrownBy(() -> draft(List.of())).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("计划行 Plan lines：至少填写1行 at least 1 row(s)");
    Map<String, Object> lastYear = draftValues(threeLines());
    lastYear.put("planYear", year() - 1);
    assertThatThrownBy(() -> start(lastYear)).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("计划年度 Plan year：不得早于今年");

    assertThat(count("rm_monitoring_plan", "1 = 1")).isEqualTo(plansBefore);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void reviewApprovalAndAmendmentWithoutWhatTheyNeed_refused_andNothingWritten() {
    ProcessInstance instance = draft(threeLines());
    long planId = plans.byNumber(instance.getBusinessKey()).id();
    Task review = task(instance);
    assertThatThrownBy(() -> submit("expert1", Roles.EXPERTS, review, Map.of("reviewDecision", "SEND_BACK")))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("专家意见 Opinion：必填 required");
    assertThatThrownBy(() -> submit("expert1", Roles.EXPERTS, review, Map.of("reviewDecision", "MAYBE")))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("审核意见 Review：不是可选的值");
    assertThat(plans.plan(planId).reviewedBy()).isNull();
    assertThatThrownBy(() -> process.requestAmendment(instance.getBusinessKey())).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("只有已批准、在执行中的计划可以修订");

    submit("expert1", Roles.EXPERTS, review, Map.of("reviewDecision", "AGREE"));
    Task approval = task(instance);
    assertThatThrownBy(() -> submit("manager", Roles.MANAGERS, approval, Map.of("approvalDecision", "RETURN")))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("审批意见 Comment：必填 required");
    assertThat(plans.plan(planId).status()).isEqualTo(MonitoringPlan.DRAFT);
    submit("manager", Roles.MANAGERS, approval, Map.of("approvalDecision", "APPROVE"));

    PlanLine first = plans.lines(planId).get(0);
    jdbc.update("UPDATE rm_plan_line SET cases_opened = 4 WHERE id = ?", first.id());
    Task amend = process.requestAmendment(instance.getBusinessKey());
    Map<String, Object> values = new HashMap<>(Map.of("amendLineId", String.valueOf(first.id()), "newBatches", 3,
        "newPeriodTo", clock.today().minusDays(1).toString()));
    assertThatThrownBy(() -> submit("manager", Roles.MANAGERS, amend, values)).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("修订后批次数 Batches after the amendment：不得少于已开案数 4")
        .hasMessageContaining("修订后抽样期止 Period to after the amendment：不得早于" + clock.today())
        .hasMessageContaining("修订原因 Reason：必填 required");
    values.put("newPeriodTo", LocalDate.of(year() + 1, 3, 1).toString());
    values.put("newBatches", 12);
    values.put("amendmentReason", "延长 Longer");
    assertThatThrownBy(() -> submit("manager", Roles.MANAGERS, amend, values)).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("不得晚于计划年度末 " + year() + "-12-31");
    values.put("amendLineId", "999999");
    assertThatThrownBy(() -> submit("manager", Roles.MANAGERS, amend, values)).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("计划行 Plan line：不是可选的值");

    assertThat(plans.plan(planId).version()).isEqualTo(1);
    assertThat(plans.line(first.id()).batches()).isEqualTo(10);
    assertThat(plans.amendments(planId)).isEmpty();
    assertThat(task(instance).getId()).isEqualTo(amend.getId());
  }

  /** Together the paths above go through every element of the process. */
  @AfterAll
  static void everyFlowNodeWasPassed() {
    Set<String> passed = sharedEngine.getHistoryService().createHistoricActivityInstanceQuery().list().stream()
        .filter(a -> PROCESS_INSTANCES.contains(a.getRootProcessInstanceId()))
        .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
    String definitionId = sharedEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(MonitoringPlans.PROCESS_KEY).latestVersion().singleResult().getId();
    BpmnModelInstance model = sharedEngine.getRepositoryService().getBpmnModelInstance(definitionId);
    Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .collect(Collectors.toSet());
    assertThat(passed).as("flow nodes of monitoring-plan passed by the path tests").containsAll(nodes);
  }

  private int year() {
    return clock.today().getYear();
  }

  private String labA() {
    return String.valueOf(labs.all().stream().filter(lab -> lab.code().equals("TJQI1")).findFirst().orElseThrow().id());
  }

  private List<Map<String, Object>> threeLines() {
    return new ArrayList<>(List.of(
        line("E_BIKE", "PRODUCTION", "120116", 10, labA(), "800.00", "3500.00"),
        line("WIRE_CABLE", "DISTRIBUTION", "120113", 12, labA(), "200", "1500.5"),
        line("GAS_STOVE", "PRODUCTION", "120117", 14, labA(), "0", "2600")));
  }

  private Map<String, Object> line(String kind, String venue, String district, int batches, String labId,
                                   String sampling, String testing) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("productKind", kind);
    line.put("venue", venue);
    line.put("districtCode", district);
    line.put("batches", batches);
    line.put("labId", labId);
    line.put("periodFrom", LocalDate.of(year(), 1, 1).toString());
    line.put("periodTo", LocalDate.of(year(), 12, 31).toString());
    line.put("samplingBudget", sampling);
    line.put("testingBudget", testing);
    return line;
  }

  private Map<String, Object> draftValues(List<Map<String, Object>> lines) {
    Map<String, Object> values = new HashMap<>();
    values.put("planYear", year());
    values.put("planTitle", year() + "年度监测计划（路径测试） Plan for the path tests");
    values.put("planLines", SpinValues.jsonValue(Spin.JSON(lines)).create());
    return values;
  }

  private ProcessInstance draft(List<Map<String, Object>> lines) {
    return start(draftValues(lines));
  }

  private ProcessInstance start(Map<String, Object> values) {
    sharedEngine = engine;
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(MonitoringPlans.PROCESS_KEY).latestVersion().singleResult().getId();
    engine.getIdentityService().setAuthentication("coordinator", List.of(Roles.COORDINATORS));
    try {
      ProcessInstance instance = engine.getFormService().submitStartForm(definitionId, values);
      PROCESS_INSTANCES.add(instance.getId());
      return instance;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private void submit(String userId, String group, Task task, Map<String, Object> values) {
    engine.getIdentityService().setAuthentication(userId, List.of(group));
    try {
      engine.getFormService().submitTaskForm(task.getId(), values);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
