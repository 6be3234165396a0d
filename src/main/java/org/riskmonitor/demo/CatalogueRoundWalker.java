package org.riskmonitor.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.riskmonitor.proposal.ProposalForm;
import org.riskmonitor.proposal.Proposals;
import org.riskmonitor.security.Roles;
import org.riskmonitor.yearlycatalogue.YearlyCatalogues;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Walks citizens' proposals into the year's round and the round to an approved catalogue, through
 * the real forms and listeners, as the people who would do each step. The demo stands its round with
 * it; the tests walk their own rounds with it.
 */
@Component
@ConditionalOnProperty(name = "riskmonitor.demo.enabled", havingValue = "true")
public class CatalogueRoundWalker {

  public static final String COORDINATOR = "coordinator";
  public static final String EXPERT = "expert2";
  public static final String MANAGER = "manager";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the coordinator writes for each kind: its risk reasons and why it is in the catalogue. */
  private static final Map<String, List<String>> REASONS = Map.of(
      "FOOD_CONTACT_PLASTIC", List.of("耐热性不足、塑化剂和重金属迁移超标 Poor heat resistance; plasticiser and heavy-metal migration",
          "外卖餐盒用量大，市民建议多 Widely used for takeaway food; many citizens asked"),
      "CHILDREN_PRODUCT", List.of("小零件脱落致窒息、锐利边缘、邻苯二甲酸酯 Small parts, sharp edges, phthalates",
          "儿童是重点保护人群 Children are a focus group"),
      "E_BIKE", List.of("整车防火性能、超速和改装风险 Fire resistance, overspeed and tampering",
          "高风险产品，火灾事故多 High-risk: frequent fires"),
      "E_BIKE_LI_BATTERY", List.of("热失控起火、过充保护失效 Thermal runaway, failed overcharge protection",
          "新国标GB 43854-2024实施 New standard GB 43854-2024 in force"),
      "E_BIKE_CHARGER", List.of("输出过压、温升过高、绝缘不足 Overvoltage, temperature rise, poor insulation",
          "充电起火多与充电器有关 Charging fires often start at the charger"),
      "WIRE_CABLE", List.of("导体电阻超标、绝缘厚度不足 Conductor resistance, thin insulation",
          "重点工业产品，使用再生铜问题突出 Key industrial product; recycled copper"),
      "GAS_STOVE", List.of("熄火保护失效、燃气泄漏 Failed flame-out protection, gas leaks",
          "老年人家庭使用多，事故后果严重 Common in elderly homes; severe accidents"),
      "PORTABLE_LI_BATTERY", List.of("容量虚标、过充起火 Overstated capacity, overcharge fires",
          "网络热销，质量参差 Trending online, uneven quality"));

  private final Proposals proposals;
  private final FormService formService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final ManagementService managementService;
  private final IdentityService identityService;

  public CatalogueRoundWalker(Proposals proposals, FormService formService, TaskService taskService,
                              RuntimeService runtimeService, RepositoryService repositoryService,
                              ManagementService managementService, IdentityService identityService) {
    this.proposals = proposals;
    this.formService = formService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.managementService = managementService;
    this.identityService = identityService;
  }

  /**
   * A topic of this year backed by {@code backing} proposals: the first opens it, the others are
   * merged into it; then its expert recommends it or not. Returns the first proposal's process.
   */
  public ProcessInstance topic(String product, String productKind, String focusGroup, int backing, boolean recommend) {
    ProcessInstance first = propose(product);
    submit(COORDINATOR, Roles.COORDINATORS, openTask(first), Map.of("triageDecision", "NEW_TOPIC",
        "topicTitle", product, "productKind", productKind, "focusGroup", focusGroup));
    String topicId = String.valueOf(runtimeService.getVariable(first.getId(), "topicId"));
    for (int i = 1; i < backing; i++) {
      submit(COORDINATOR, Roles.COORDINATORS, openTask(propose(product)), Map.of("triageDecision", "MERGE",
          "existingTopicId", topicId));
    }
    submit(EXPERT, Roles.EXPERTS, openTask(first), Map.of(
        "expertRecommendation", recommend ? "INCLUDE" : "LEAVE_OUT",
        "expertOpinion", recommend ? "风险突出，建议列入年度目录。The risks are real: include it." : "风险较低，暂不列入。Low risk: leave it out."));
    return first;
  }

  private ProcessInstance propose(String product) {
    String number = proposals.submit(new ProposalForm(product, "ONLINE_PLATFORM", "某电商平台旗舰店",
        "质量参差不齐，担心有安全隐患。", null), null);
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(Proposals.PROCESS_KEY).singleResult();
  }

  /** A coordinator opens the year's round in the start form, as Tasklist would. */
  public ProcessInstance openRound(int year, LocalDate opensOn, LocalDate closesOn) {
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(YearlyCatalogues.PROCESS_KEY).latestVersion().singleResult().getId();
    return as(COORDINATOR, List.of(Roles.COORDINATORS), () -> formService.submitStartForm(definitionId,
        Map.of("roundYear", year, "opensOn", opensOn.toString(), "closesOn", closesOn.toString())));
  }

  /** Runs the round's timer now, as the job executor would at its time (the close date, or the year's end). */
  public void runTimer(String processInstanceId) {
    // the steps' own reminder and escalation timers are not the round's
    Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
        .activityId("Timer_ProposalsClose").singleResult();
    if (timer == null) {
      timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
          .activityId("Timer_YearEnds").singleResult();
    }
    managementService.executeJob(timer.getId());
  }

  /** The round's one open task, or null. */
  public Task openTask(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** The draft as prefilled, each kind given the demo's reasons where the coordinator has not written any. */
  public List<Map<String, Object>> prefilledWithReasons(Task draft) {
    SpinJsonNode prefilled = (SpinJsonNode) taskService.getVariable(draft.getId(), "catalogueKinds");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SpinJsonNode element : prefilled.elements()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (String field : element.fieldNames()) {
        SpinJsonNode value = element.prop(field);
        row.put(field, value.isString() ? value.stringValue() : value.value());
      }
      List<String> reasons = REASONS.get((String) row.get("productKind"));
      row.putIfAbsent("riskReasons", reasons.get(0));
      row.putIfAbsent("inclusionReason", reasons.get(1));
      rows.add(row);
    }
    return rows;
  }

  /** A row the coordinator adds: a kind no topic proposed, with the demo's reasons. */
  public static Map<String, Object> addedKind(String productKind, String focusGroup) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("productKind", productKind);
    row.put("focusGroup", focusGroup);
    row.put("riskReasons", REASONS.get(productKind).get(0));
    row.put("inclusionReason", REASONS.get(productKind).get(1));
    return row;
  }

  public void draft(Task task, List<Map<String, Object>> rows) {
    submit(COORDINATOR, Roles.COORDINATORS, task, Map.of("catalogueKinds", rows));
  }

  public void review(Task task, boolean agree, String opinion) {
    submit(EXPERT, Roles.EXPERTS, task, Map.of("reviewVerdict", agree ? "AGREE" : "SEND_BACK", "reviewOpinion", opinion));
  }

  public void decide(Task task, boolean approve, String comment) {
    Map<String, Object> values = new HashMap<>();
    values.put("approvalDecision", approve ? "APPROVE" : "RETURN");
    if (comment != null) {
      values.put("managerComment", comment);
    }
    submit(MANAGER, Roles.MANAGERS, task, values);
  }

  /** The draft as prefilled, agreed and approved at once: a round's catalogue in force. */
  public void approveAsProposed(ProcessInstance round) {
    Task draft = openTask(round);
    draft(draft, prefilledWithReasons(draft));
    review(openTask(round), true, "类别和风险原因合适，同意。The kinds and their risks are right.");
    decide(openTask(round), true, null);
  }

  /** Submits a form as the user, with lists sent as Json values as form-js sends them. */
  public void submit(String userId, String group, Task task, Map<String, Object> values) {
    Map<String, Object> typed = new HashMap<>(values);
    typed.replaceAll((name, value) -> value instanceof List || value instanceof Map ? json(value) : value);
    as(userId, List.of(group), () -> {
      formService.submitTaskForm(task.getId(), typed);
      return null;
    });
  }

  private <T> T as(String userId, List<String> groups, java.util.function.Supplier<T> action) {
    identityService.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Object json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
