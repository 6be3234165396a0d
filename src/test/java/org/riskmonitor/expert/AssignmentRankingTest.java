package org.riskmonitor.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.Route;
import org.riskmonitor.enterprise.Onboarding;
import org.riskmonitor.enterprise.Uscc;
import org.riskmonitor.input.FormRefusal;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The expert choices of a case are ranked by specialty, then open work, and say why; an expert
 * who declared a conflict with the case's enterprise is neither offered nor accepted.
 */
class AssignmentRankingTest extends RiskMonitorTest {

  private static final String CONFLICT = "该专家已申报与本企业存在利益冲突 The expert declared a conflict of interest with this enterprise";

  @Autowired
  private CaseWalker walker;

  @Autowired
  private ExpertPool pool;

  @Autowired
  private Onboarding onboarding;

  @Autowired
  private TaskService taskService;

  /** Standalone tasks that make an expert busier for one test. */
  private final List<String> extraTasks = new ArrayList<>();

  @AfterEach
  void removeExtraWork() {
    extraTasks.forEach(id -> taskService.deleteTask(id, true));
    extraTasks.clear();
  }

  @Test
  void specialistsComeFirst_theLessBusyFirstAmongThem_andEachLabelSaysWhy() {
    String uscc = enterprise("91120111MA07RKT01", "天津市西青排序演示燃气具厂", "rank1");
    // expert1 (no gas-stove specialty) is made the least busy, expert2 busier than expert3
    giveWork("expert3", Math.max(0, pool.openTasks("expert1") - pool.openTasks("expert3")) + 1);
    giveWork("expert2", Math.max(0, pool.openTasks("expert3") - pool.openTasks("expert2")) + 1);
    long expert3Work = pool.openTasks("expert3");
    long expert2Work = pool.openTasks("expert2");
    long expert1Work = pool.openTasks("expert1");

    String caseNumber = walker.open(uscc, "GAS_STOVE", "家用燃气灶").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_AssignRiskExpert", Route.remediated());
    Task assign = walker.openTask(caseNumber);

    assertThat(labels(assign, "expertOptions")).containsExactly(
        Map.entry("expert3", "郑建国 高级工程师 — 家用燃气灶具专长 specialist · 无利益冲突 no conflict · 在办"
            + expert3Work + "件 " + expert3Work + " open"),
        Map.entry("expert2", "郑丽华 研究员 — 家用燃气灶具专长 specialist · 无利益冲突 no conflict · 在办"
            + expert2Work + "件 " + expert2Work + " open"),
        Map.entry("expert1", "孙卫东 高级工程师 — 非本类专长 not a specialist · 无利益冲突 no conflict · 在办"
            + expert1Work + "件 " + expert1Work + " open"));

    // the order is a suggestion: the coordinator may pick any offered expert
    walker.submit(assign, Map.of("expertId", "expert1"));
    assertThat(jdbc.queryForObject("SELECT expert_id FROM rm_monitoring_case WHERE case_number = ?", String.class,
        caseNumber)).isEqualTo("expert1");
  }

  @Test
  void aConflictedExpertIsNotOffered_andIsRefusedWhenNamedAnyway_withNothingWritten() {
    String uscc = enterprise("91120111MA07RKT02", "天津市西青冲突演示电动车厂", "rank2");
    pool.declareConflict("expert1", uscc, "其配偶任该企业质量负责人 Spouse is the enterprise's quality manager",
        CaseWalker.COORDINATOR);
    Route route = Route.remediated();
    String caseNumber = walker.open(uscc, "E_BIKE", "电动自行车").getBusinessKey();
    long caseId = jdbc.queryForObject("SELECT id FROM rm_monitoring_case WHERE case_number = ?", Long.class, caseNumber);
    walker.advanceTo(caseNumber, "Task_AssignRiskExpert", route);
    Task assign = walker.openTask(caseNumber);

    assertThat(labels(assign, "expertOptions")).isNotEmpty().doesNotContainKey("expert1");
    assertThatThrownBy(() -> walker.submit(assign, Map.of("expertId", "expert1")))
        .isInstanceOf(FormRefusal.class).hasMessageContaining(CONFLICT);
    assertThat(walker.openTask(caseNumber).getId()).isEqualTo(assign.getId());
    assertThat(count("rm_monitoring_case", "id = ? AND expert_id IS NULL", caseId)).isEqualTo(1);
    assertThat(count("rm_audit_entry", "case_id = ? AND action = 'assign-expert'", caseId)).isZero();

    walker.advanceTo(caseNumber, "Task_PlanAssistanceVisit", route);
    Task plan = walker.openTask(caseNumber);
    assertThat(labels(plan, "expertOptions")).doesNotContainKey("expert1");
    Map<String, Object> asLead = walker.valuesFor(plan, route);
    asLead.put("visitLeadExpertId", "expert1");
    assertThatThrownBy(() -> walker.submit(plan, asLead)).isInstanceOf(FormRefusal.class).hasMessageContaining(CONFLICT);
    Map<String, Object> asSecond = walker.valuesFor(plan, route);
    asSecond.put("visitSecondExpertId", "expert1");
    assertThatThrownBy(() -> walker.submit(plan, asSecond)).isInstanceOf(FormRefusal.class).hasMessageContaining(CONFLICT);
    assertThat(walker.openTask(caseNumber).getId()).isEqualTo(plan.getId());
    assertThat(count("rm_assistance_visit", "case_id = ?", caseId)).isZero();
  }

  private void giveWork(String userId, long tasks) {
    for (int i = 0; i < tasks; i++) {
      Task task = taskService.newTask();
      task.setName("其他工作 Other work");
      task.setAssignee(userId);
      taskService.saveTask(task);
      extraTasks.add(task.getId());
    }
  }

  /** A new enterprise of this test's own, with a user to confirm its slips, so its conflicts touch no other test's cases. */
  private String enterprise(String first17, String name, String userId) {
    String uscc = first17 + Uscc.checkCharacter(first17);
    onboarding.register(new Onboarding.Registration(uscc, name, "天津市西青区", "120111", null, false, userId, "钱", "多", null),
        CaseWalker.COORDINATOR);
    return uscc;
  }

  /** The option list's values and labels, in the order offered. */
  private Map<String, String> labels(Task task, String variable) {
    Map<String, String> labels = new LinkedHashMap<>();
    SpinJsonNode options = (SpinJsonNode) taskService.getVariable(task.getId(), variable);
    options.elements().forEach(o -> labels.put(o.prop("value").stringValue(), o.prop("label").stringValue()));
    return labels;
  }
}
