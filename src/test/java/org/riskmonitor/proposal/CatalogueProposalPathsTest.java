package org.riskmonitor.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of a citizen's proposal, walked through the real forms and listeners. */
class CatalogueProposalPathsTest extends RiskMonitorTest {

  private static final Set<String> PROCESS_INSTANCES = new HashSet<>();
  private static ProcessEngine sharedEngine;

  @Autowired
  private Proposals proposals;

  @Autowired
  private RegulatorClock clock;

  @Test
  void newTopic_expertGivesAnOpinion_topicJoinsTheYearsRound() {
    ProcessInstance instance = propose("一次性塑料餐盒");
    Task triage = task(instance);
    assertThat(triage.getTaskDefinitionKey()).isEqualTo("Task_TriageProposal");
    assertThat(engine.getTaskService().getIdentityLinksForTask(triage.getId()))
        .anyMatch(link -> Roles.COORDINATORS.equals(link.getGroupId()));

    submit("coordinator", Roles.COORDINATORS, triage, Map.of("triageDecision", "NEW_TOPIC",
        "topicTitle", "一次性塑料餐盒 Disposable lunch boxes", "productKind", "FOOD_CONTACT_PLASTIC",
        "focusGroup", "FOOD_CONTACT"));
    long topicId = topicOf(instance);
    assertThat(jdbc.queryForObject("SELECT proposal_count FROM rm_proposal_topic WHERE id = ?", Integer.class, topicId))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT triaged_by FROM rm_proposal WHERE proposal_number = ?", String.class,
        instance.getBusinessKey())).isEqualTo("coordinator");

    Task opinion = task(instance);
    assertThat(opinion.getTaskDefinitionKey()).isEqualTo("Task_GiveExpertOpinion");
    assertThat(engine.getTaskService().getIdentityLinksForTask(opinion.getId()))
        .anyMatch(link -> Roles.EXPERTS.equals(link.getGroupId()));
    submit("expert2", Roles.EXPERTS, opinion, Map.of("expertRecommendation", "INCLUDE",
        "expertOpinion", "餐盒耐热性和迁移量常见不合格，建议按GB 4806.7监测。"));

    assertThat(instance).isEnded().hasPassedInOrder("Task_TriageProposal", "Task_GiveExpertOpinion",
        "ServiceTask_JoinYearRound", "EndEvent_TopicInRound");
    Map<String, Object> topic = jdbc.queryForMap(
        "SELECT focus_group, product_kind, expert_id, expert_recommends, round_year FROM rm_proposal_topic WHERE id = ?",
        topicId);
    assertThat(topic).containsEntry("FOCUS_GROUP", "FOOD_CONTACT").containsEntry("PRODUCT_KIND", "FOOD_CONTACT_PLASTIC")
        .containsEntry("EXPERT_ID", "expert2").containsEntry("EXPERT_RECOMMENDS", true)
        .containsEntry("ROUND_YEAR", clock.today().getYear());
  }

  @Test
  void duplicateProposal_mergedIntoTheExistingTopic_whichCountsIt() {
    ProcessInstance first = propose("儿童滑板车");
    submit("coordinator", Roles.COORDINATORS, task(first), Map.of("triageDecision", "NEW_TOPIC",
        "topicTitle", "儿童滑板车 Children's scooters", "productKind", "CHILDREN_PRODUCT",
        "focusGroup", "CHILDREN_STUDENTS"));
    long topicId = topicOf(first);

    ProcessInstance second = propose("小孩玩的滑板车");
    Task triage = task(second);
    assertThat(engine.getTaskService().getVariable(triage.getId(), "topicOptions").toString())
        .contains("\"value\":\"" + topicId + "\"", "儿童滑板车");
    submit("coordinator", Roles.COORDINATORS, triage, Map.of("triageDecision", "MERGE",
        "existingTopicId", String.valueOf(topicId)));

    assertThat(second).isEnded().hasPassed("EndEvent_MergedIntoTopic").hasNotPassed("Task_GiveExpertOpinion");
    assertThat(jdbc.queryForObject("SELECT proposal_count FROM rm_proposal_topic WHERE id = ?", Integer.class, topicId))
        .isEqualTo(2);
    assertThat(count("rm_proposal", "topic_id = ?", topicId)).isEqualTo(2);
    assertThat(first).isWaitingAt("Task_GiveExpertOpinion");
  }

  @Test
  void proposalsArrivingTogether_theSecondCanBeMergedIntoTheTopicTheFirstOpened() {
    ProcessInstance first = propose("电动滑板车充电器");
    ProcessInstance second = propose("滑板车的充电器");
    Task waiting = task(second);
    submit("coordinator", Roles.COORDINATORS, task(first), Map.of("triageDecision", "NEW_TOPIC",
        "topicTitle", "电动滑板车充电器 E-scooter chargers", "productKind", "E_BIKE_CHARGER",
        "focusGroup", "HIGH_RISK"));
    long topicId = topicOf(first);

    assertThat(engine.getTaskService().getVariable(waiting.getId(), "topicOptions").toString())
        .as("the triage opened before the topic existed offers it now")
        .contains("\"value\":\"" + topicId + "\"", "电动滑板车充电器");
    submit("coordinator", Roles.COORDINATORS, waiting, Map.of("triageDecision", "MERGE",
        "existingTopicId", String.valueOf(topicId)));
    assertThat(count("rm_proposal", "topic_id = ?", topicId)).isEqualTo(2);
  }

  @Test
  void incompleteTriage_isRefusedBilingually_andWritesNothing() {
    ProcessInstance instance = propose("老年人手机");
    Task triage = task(instance);
    long topics = count("rm_proposal_topic", "1 = 1");

    assertThatThrownBy(() -> submit("coordinator", Roles.COORDINATORS, triage,
        Map.of("triageDecision", "NEW_TOPIC", "topicTitle", "老年人手机 Phones for the elderly")))
        .isInstanceOf(FormRefusal.class)
        .hasMessageContaining("产品类别 Product kind：必填 required")
        .hasMessageContaining("重点领域 Focus group：必填 required");
    assertThatThrownBy(() -> submit("coordinator", Roles.COORDINATORS, triage,
        Map.of("triageDecision", "MERGE", "existingTopicId", "999999")))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("不是可选的值 not one of the choices");

    assertThat(task(instance).getId()).isEqualTo(triage.getId());
    assertThat(count("rm_proposal_topic", "1 = 1")).isEqualTo(topics);
    assertThat(count("rm_proposal", "proposal_number = ? AND topic_id IS NULL", instance.getBusinessKey())).isEqualTo(1);
  }

  /** Together the paths above go through every element of the process. */
  @AfterAll
  static void everyFlowNodeWasPassed() {
    Set<String> passed = sharedEngine.getHistoryService().createHistoricActivityInstanceQuery().list().stream()
        .filter(a -> PROCESS_INSTANCES.contains(a.getRootProcessInstanceId()))
        .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
    String definitionId = sharedEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(Proposals.PROCESS_KEY).latestVersion().singleResult().getId();
    BpmnModelInstance model = sharedEngine.getRepositoryService().getBpmnModelInstance(definitionId);
    Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .collect(Collectors.toSet());
    assertThat(passed).as("flow nodes of catalogue-proposal passed by the path tests").containsAll(nodes);
  }

  private ProcessInstance propose(String product) {
    sharedEngine = engine;
    String number = proposals.submit(new ProposalForm(product, "ONLINE_PLATFORM", "某电商平台旗舰店",
        "质量参差不齐，担心有安全隐患。", "13800000000"), null);
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(number).processDefinitionKey(Proposals.PROCESS_KEY).singleResult();
    PROCESS_INSTANCES.add(instance.getId());
    return instance;
  }

  private Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private long topicOf(ProcessInstance instance) {
    return jdbc.queryForObject("SELECT topic_id FROM rm_proposal WHERE proposal_number = ?", Long.class,
        instance.getBusinessKey());
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
