package org.riskmonitor.yearlycatalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CatalogueRoundWalker;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.proposal.FocusGroup;
import org.riskmonitor.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path of a year's catalogue round, walked through the real forms and listeners. Each
 * test moves the engine's clock into a year of its own: a round is for this year or next, one a year.
 */
class CatalogueRoundPathsTest extends RiskMonitorTest {

  private static final ZoneId REGULATOR = ZoneId.of("Asia/Shanghai");
  private static final Set<String> PROCESS_INSTANCES = new HashSet<>();
  private static ProcessEngine sharedEngine;

  @Autowired
  private CatalogueRoundWalker walker;

  @Autowired
  private YearlyCatalogues catalogues;

  @Autowired
  private CatalogueRoundMapper mapper;

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  @Test
  void roundClosesDraftSentBackReturnedApproved_thenRevised_thenTheYearEnds() {
    int year = 2028;
    today(year, 3, 2);
    ProcessInstance round = open(year, LocalDate.of(year, 3, 1), LocalDate.of(year, 4, 30));
    assertThat(round.getBusinessKey()).isEqualTo("ML-2028");
    assertThat(round).isWaitingAt("Timer_ProposalsClose");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(round.getId()).singleResult().getDuedate())
        .isEqualTo(Date.from(LocalDate.of(year, 5, 1).atStartOfDay(REGULATOR).toInstant()));
    assertThat(catalogues.round(year).orElseThrow().status()).isEqualTo(RoundStatus.OPEN);

    walker.topic("外卖塑料餐盒", "FOOD_CONTACT_PLASTIC", "FOOD_CONTACT", 1, true);
    walker.topic("儿童滑板车", "CHILDREN_PRODUCT", "CHILDREN_STUDENTS", 2, true);
    walker.topic("燃气灶熄火保护", "GAS_STOVE", "ELDERLY", 1, false);
    assertThat(jdbc.queryForMap("SELECT round_year, expert_recommends FROM rm_proposal_topic WHERE title = '燃气灶熄火保护'"))
        .containsEntry("ROUND_YEAR", null).containsEntry("EXPERT_RECOMMENDS", false);

    walker.runTimer(round.getId());
    assertThat(round).hasPassed("Timer_ProposalsClose", "ServiceTask_CloseRound").isWaitingAt("Task_DraftCatalogue");
    assertThat(catalogues.round(year).orElseThrow().status()).isEqualTo(RoundStatus.CLOSED);
    Task draft = walker.openTask(round);
    assertThat(engine.getTaskService().getIdentityLinksForTask(draft.getId()))
        .anyMatch(link -> Roles.COORDINATORS.equals(link.getGroupId()));
    assertThat(draft.getDueDate()).isNotNull();
    // the recommended topics, most backed first; the topic its expert would leave out is not there
    String prefilled = engine.getTaskService().getVariable(draft.getId(), "catalogueKinds").toString();
    assertThat(prefilled).contains("\"productKind\":\"CHILDREN_PRODUCT\",\"focusGroup\":\"CHILDREN_STUDENTS\",\"backingProposals\":2",
        "\"productKind\":\"FOOD_CONTACT_PLASTIC\",\"focusGroup\":\"FOOD_CONTACT\",\"backingProposals\":1")
        .doesNotContain("GAS_STOVE");

    List<Map<String, Object>> rows = new ArrayList<>(walker.prefilledWithReasons(draft));
    rows.add(CatalogueRoundWalker.addedKind("WIRE_CABLE", "HIGH_RISK"));
    walker.draft(draft, rows);
    Task review = walker.openTask(round);
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewCatalogue");
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anyMatch(link -> Roles.EXPERTS.equals(link.getGroupId()));
    assertThat(engine.getTaskService().getVariable(review.getId(), "draftedKinds").toString())
        .contains("儿童用品 Children's products", "高风险产品 High-risk products", "\"backingProposals\":\"0\"");

    walker.review(review, false, "电线电缆的列入理由需补充抽检数据。Add the spot-check figures for cables.");
    Task redraft = walker.openTask(round);
    assertThat(redraft.getTaskDefinitionKey()).isEqualTo("Task_DraftCatalogue");
    assertThat(engine.getTaskService().getVariable(redraft.getId(), "draftNotes").toString())
        .contains("Add the spot-check figures for cables");
    // what the coordinator drafted comes back, not the topics again
    assertThat(engine.getTaskService().getVariable(redraft.getId(), "catalogueKinds").toString()).contains("WIRE_CABLE");
    walker.draft(redraft, walker.prefilledWithReasons(redraft));
    walker.review(walker.openTask(round), true, "同意。Agreed.");
    Task approval = walker.openTask(round);
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApproveCatalogue");
    assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
        .anyMatch(link -> Roles.MANAGERS.equals(link.getGroupId()));
    walker.decide(approval, false, "请补充老年人用品。Consider products for the elderly.");
    Task returned = walker.openTask(round);
    assertThat(returned.getTaskDefinitionKey()).isEqualTo("Task_DraftCatalogue");
    assertThat(engine.getTaskService().getVariable(returned.getId(), "draftNotes").toString())
        .contains("Consider products for the elderly");
    assertThat(catalogues.inForce(year)).isEmpty();

    List<Map<String, Object>> withStoves = new ArrayList<>(walker.prefilledWithReasons(returned));
    withStoves.add(CatalogueRoundWalker.addedKind("GAS_STOVE", "ELDERLY"));
    walker.draft(returned, withStoves);
    walker.review(walker.openTask(round), true, "同意。Agreed.");
    walker.decide(walker.openTask(round), true, "批准。Approved.");

    assertThat(round).isWaitingAt("Gateway_CatalogueInForce");
    List<CatalogueEntry> inForce = catalogues.inForce(year);
    assertThat(inForce).extracting(CatalogueEntry::productKind)
        .containsExactly("CHILDREN_PRODUCT", "FOOD_CONTACT_PLASTIC", "WIRE_CABLE", "GAS_STOVE");
    assertThat(inForce.get(0).focusGroup()).isEqualTo(FocusGroup.CHILDREN_STUDENTS);
    assertThat(inForce.get(0).backingProposals()).isEqualTo(2);
    // the stoves' topic was left out by its expert: no proposal backs the kind in the catalogue
    assertThat(inForce.get(3).backingProposals()).isZero();
    assertThat(inForce.get(2).riskReasons()).contains("Conductor resistance");
    CatalogueVersion first = catalogues.versionInForce(year).orElseThrow();
    assertThat(first.versionNo()).isEqualTo(1);
    assertThat(first.status()).isEqualTo(VersionStatus.APPROVED);
    assertThat(first.draftedBy()).isEqualTo("coordinator");
    assertThat(first.reviewedBy()).isEqualTo("expert2");
    assertThat(first.approvedBy()).isEqualTo("manager");
    assertThat(catalogues.isInForce(year, "GAS_STOVE")).isTrue();

    // a revision drafts version 2 from the catalogue in force; version 1 stays in force until approved
    catalogues.requestRevision(year, "新增移动电源 Add power banks after summer fires", "coordinator");
    Task revision = walker.openTask(round);
    assertThat(revision.getTaskDefinitionKey()).isEqualTo("Task_DraftCatalogue");
    assertThat(engine.getTaskService().getVariable(revision.getId(), "draftHeading").toString())
        .contains("第2版", "version 2", "Add power banks after summer fires");
    assertThatThrownBy(() -> catalogues.requestRevision(year, "再修订 Again", "coordinator"))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("is being drafted, reviewed or approved");
    List<Map<String, Object>> revised = new ArrayList<>(walker.prefilledWithReasons(revision));
    revised.removeIf(row -> row.get("productKind").equals("WIRE_CABLE"));
    revised.add(CatalogueRoundWalker.addedKind("PORTABLE_LI_BATTERY", "TRENDING_ONLINE"));
    walker.draft(revision, revised);
    assertThat(catalogues.inForce(year)).extracting(CatalogueEntry::productKind).contains("WIRE_CABLE");
    walker.review(walker.openTask(round), true, "同意修订。Agreed.");
    walker.decide(walker.openTask(round), true, null);

    assertThat(catalogues.versionInForce(year).orElseThrow().versionNo()).isEqualTo(2);
    assertThat(catalogues.inForce(year)).extracting(CatalogueEntry::productKind)
        .containsExactly("CHILDREN_PRODUCT", "FOOD_CONTACT_PLASTIC", "GAS_STOVE", "PORTABLE_LI_BATTERY");
    CatalogueVersion firstAgain = catalogues.versions(year).get(1);
    assertThat(firstAgain).isEqualTo(first);
    assertThat(catalogues.entries(firstAgain)).extracting(CatalogueEntry::productKind)
        .containsExactly("CHILDREN_PRODUCT", "FOOD_CONTACT_PLASTIC", "WIRE_CABLE", "GAS_STOVE");

    walker.runTimer(round.getId());
    assertThat(round).isEnded().hasPassed("Timer_YearEnds", "ServiceTask_EndRound", "EndEvent_RoundEnded");
    assertThat(catalogues.round(year).orElseThrow().status()).isEqualTo(RoundStatus.ENDED);
    assertThat(catalogues.inForce(year)).hasSize(4);
    assertThatThrownBy(() -> catalogues.requestRevision(year, "年底后修订 After the year", "coordinator"))
        .isInstanceOf(FormRefusal.class);
  }

  @Test
  void aTopicRecommendedAfterTheRoundClosed_waitsForNextYearsRound() {
    int year = 2031;
    today(year, 1, 10);
    ProcessInstance round = open(year, LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 31));
    walker.topic("老年人电动代步车", "E_BIKE", "ELDERLY", 1, true);
    assertThat(jdbc.queryForObject("SELECT round_year FROM rm_proposal_topic WHERE title = '老年人电动代步车'", Integer.class))
        .isEqualTo(year);

    walker.runTimer(round.getId());
    today(year, 2, 3);
    walker.topic("网红充电宝", "PORTABLE_LI_BATTERY", "TRENDING_ONLINE", 1, true);
    assertThat(jdbc.queryForObject("SELECT round_year FROM rm_proposal_topic WHERE title = '网红充电宝'", Integer.class))
        .isEqualTo(year + 1);
    assertThat(engine.getTaskService().getVariable(walker.openTask(round).getId(), "catalogueKinds").toString())
        .contains("E_BIKE").doesNotContain("PORTABLE_LI_BATTERY");
  }

  @Test
  void badStartForms_areRefusedBilingually_andNothingIsWritten() {
    int year = 2029;
    today(year, 6, 1);
    open(year, LocalDate.of(year, 6, 1), LocalDate.of(year, 7, 31));
    long rounds = count("rm_catalogue_round", "1 = 1");
    long instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(YearlyCatalogues.PROCESS_KEY).count();

    assertThatThrownBy(() -> walker.openRound(year, LocalDate.of(year, 8, 1), LocalDate.of(year, 9, 1)))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("2029年度已有征集轮次 There is a round for 2029 already");
    assertThatThrownBy(() -> walker.openRound(year + 1, LocalDate.of(year + 1, 3, 1), LocalDate.of(year + 1, 2, 1)))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("截止日期早于开始日期 The round closes before it opens");
    assertThatThrownBy(() -> walker.openRound(year + 5, LocalDate.of(year + 5, 3, 1), LocalDate.of(year + 5, 4, 1)))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("年度 Year：只能是今年或明年（2029或2030） only this year or next");
    assertThatThrownBy(() -> walker.openRound(year + 1, LocalDate.of(year + 1, 11, 1), LocalDate.of(year + 2, 1, 15)))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("not after 31 December 2030");

    assertThat(count("rm_catalogue_round", "1 = 1")).isEqualTo(rounds);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(YearlyCatalogues.PROCESS_KEY).count()).isEqualTo(instances);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("ML-2030").count()).isZero();
  }

  @Test
  void badDraftsReviewsAndDecisions_areRefusedBilingually_andNothingIsWritten() {
    int year = 2034;
    today(year, 2, 1);
    ProcessInstance round = open(year, LocalDate.of(year, 2, 1), LocalDate.of(year, 2, 28));
    walker.topic("儿童水杯", "FOOD_CONTACT_PLASTIC", "CHILDREN_STUDENTS", 1, true);
    walker.runTimer(round.getId());
    Task draft = walker.openTask(round);
    long versionId = ((Number) engine.getTaskService().getVariable(draft.getId(), "versionId")).longValue();
    List<Map<String, Object>> good = walker.prefilledWithReasons(draft);

    assertThatThrownBy(() -> walker.draft(draft, List.of()))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("目录产品类别 Product kinds of the catalogue：至少填写1行 at least 1 row(s)");
    Map<String, Object> unknown = new LinkedHashMap<>(good.get(0));
    unknown.put("productKind", "NUCLEAR_REACTOR");
    assertThatThrownBy(() -> walker.draft(draft, List.of(unknown)))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("第1行 row 1 产品类别 Product kind：不是可选的值 not one of the choices");
    Map<String, Object> tooLong = new LinkedHashMap<>(good.get(0));
    tooLong.put("inclusionReason", "很".repeat(1001));
    assertThatThrownBy(() -> walker.draft(draft, List.of(tooLong)))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("列入理由 Reason for inclusion：不得超过1000个字符 at most 1000 characters");
    assertThatThrownBy(() -> walker.draft(draft, List.of(good.get(0), good.get(0))))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("第2行 row 2 产品类别重复 The product kind is listed twice");
    Map<String, Object> noFocus = new LinkedHashMap<>(good.get(0));
    noFocus.remove("focusGroup");
    noFocus.remove("riskReasons");
    assertThatThrownBy(() -> walker.draft(draft, List.of(noFocus)))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("重点领域 Focus group：必填 required")
        .hasMessageContaining("风险原因 Risk reasons：必填 required");
    assertThat(walker.openTask(round).getId()).isEqualTo(draft.getId());
    assertThat(count("rm_catalogue_kind", "version_id = ?", versionId)).isZero();
    assertThat(catalogues.versions(year).get(0).status()).isEqualTo(VersionStatus.DRAFT);

    walker.draft(draft, good);
    Task review = walker.openTask(round);
    assertThatThrownBy(() -> walker.submit(CatalogueRoundWalker.EXPERT, Roles.EXPERTS, review,
        Map.of("reviewVerdict", "MAYBE")))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("评审结论 Verdict：不是可选的值 not one of the choices")
        .hasMessageContaining("评审意见 Review opinion：必填 required");
    walker.review(review, true, "同意。Agreed.");
    Task approval = walker.openTask(round);
    assertThatThrownBy(() -> walker.decide(approval, false, null))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("管理者意见 Manager's comment：必填 required");
    assertThat(catalogues.versions(year).get(0).status()).isEqualTo(VersionStatus.AWAITING_APPROVAL);
    assertThatThrownBy(() -> catalogues.requestRevision(year, "  ", "coordinator"))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("修订理由 Reason for the revision：必填 required")
        .hasMessageContaining("The 2034 catalogue is not approved yet");
    assertThat(catalogues.versions(year)).hasSize(1);

    // an approved version is never changed, whatever a mapper call asks
    walker.decide(approval, true, null);
    mapper.clearEntries(versionId);
    assertThat(mapper.returned(versionId, "改回 Back")).isZero();
    assertThat(count("rm_catalogue_kind", "version_id = ?", versionId)).isEqualTo(1);
    assertThat(catalogues.inForce(year)).hasSize(1);
  }

  /** Together the paths above go through every element of the process. */
  @AfterAll
  static void everyFlowNodeWasPassed() {
    Set<String> passed = sharedEngine.getHistoryService().createHistoricActivityInstanceQuery().list().stream()
        .filter(a -> PROCESS_INSTANCES.contains(a.getRootProcessInstanceId()))
        .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
    String definitionId = sharedEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(YearlyCatalogues.PROCESS_KEY).latestVersion().singleResult().getId();
    Set<String> nodes = sharedEngine.getRepositoryService().getBpmnModelInstance(definitionId)
        .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
    assertThat(passed).as("flow nodes of catalogue-round passed by the path tests").containsAll(nodes);
  }

  private ProcessInstance open(int year, LocalDate opensOn, LocalDate closesOn) {
    sharedEngine = engine;
    ProcessInstance round = walker.openRound(year, opensOn, closesOn);
    PROCESS_INSTANCES.add(round.getId());
    return round;
  }

  /** Moves the engine's clock (and so the regulator's) to 10:00 on that day in the regulator's zone. */
  private static void today(int year, int month, int day) {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(year, month, day).atTime(10, 0).atZone(REGULATOR).toInstant()));
  }
}
