package org.riskmonitor.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.component.ComponentType;
import org.riskmonitor.demo.Route;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The paths of an item for the public: proposed by the case's steps, told to the enterprise by
 * mail, approved or rejected by a manager, then corrected or withdrawn. The clock stands in 2032,
 * a year no other test uses, so the items here are the year's only ones.
 */
class PublicationPathsTest extends RiskMonitorTest {

  static final List<String> E_BIKES = DemoPeople.ENTERPRISES.get(0);
  private static final Set<String> PROCESS_INSTANCES = new HashSet<>();
  private static ProcessEngine sharedEngine;

  @Autowired
  private CaseWalker walker;

  @Autowired
  private Publications publications;

  @Autowired
  private TestRestTemplate rest;

  @BeforeEach
  void standIn2032() {
    sharedEngine = engine;
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2032, 3, 2, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void approvedAlertAndResult_arePublishedAfterTheEnterpriseWasTold_aRejectedListEntryIsNot() throws Exception {
    String caseNumber = walker.open(E_BIKES.get(0), "E_BIKE", "电动自行车 路考2032").getBusinessKey();
    walker.finish(caseNumber, Route.remediated());

    ProcessInstance result = item(caseNumber, ItemType.MONITORING_RESULT);
    ProcessInstance alert = item(caseNumber, ItemType.CONSUMER_ALERT);
    ProcessInstance red = item(caseNumber, ItemType.RED_LIST);
    for (ProcessInstance instance : List.of(result, alert, red)) {
      assertThat(instance).isWaitingAt("Task_ApprovePublication").hasPassed("ServiceTask_NotifyEnterprise");
      assertThat(instance.getBusinessKey()).matches("GS-2032-\\d{6}");
      assertThat(publications.byNumber(instance.getBusinessKey()).enterpriseNotifiedAt()).isNotNull();
      assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance).getId()))
          .anyMatch(link -> Roles.MANAGERS.equals(link.getGroupId()));
    }
    MimeMessage told = mailTo("enterprise1", alert.getBusinessKey());
    assertThat(told.getContent().toString()).contains("经审批后将向社会公开", "will be published once approved",
        "电动自行车 路考2032", E_BIKES.get(1));
    assertThat(publicStatus(alert.getBusinessKey())).as("nothing is public before approval").isEqualTo(404);

    Task approval = task(alert);
    assertThat(engine.getTaskService().getVariable(approval.getId(), "publicPreview").toString())
        .contains("电动自行车 路考2032", E_BIKES.get(0), "采取措施单位 Measures taken by");
    decide(approval, Map.of("publicationDecision", "APPROVED"));
    decide(task(result), Map.of("publicationDecision", "APPROVED"));
    assertThatThrownBy(() -> decide(task(red), Map.of("publicationDecision", "REJECTED")))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("required");
    decide(task(red), Map.of("publicationDecision", "REJECTED", "publicationRejectionReason", "内部复核中"));

    assertThat(alert).isEnded().hasPassedInOrder("ServiceTask_NotifyEnterprise", "Task_ApprovePublication",
        "ServiceTask_Publish", "EndEvent_Published");
    assertThat(red).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("ServiceTask_Publish");
    Publication published = publications.byNumber(alert.getBusinessKey());
    assertThat(published.status()).isEqualTo("PUBLISHED");
    assertThat(published.approvedBy()).isEqualTo(CaseWalker.MANAGER);
    assertThat(published.publishedAt()).isEqualTo(LocalDateTime.of(2032, 3, 2, 9, 0));
    assertThat(publications.changes(published.id())).extracting(PublicationChange::changeKind, PublicationChange::changedBy)
        .containsExactly(tuple("PUBLISHED", CaseWalker.MANAGER));
    assertThat(publications.byNumber(red.getBusinessKey()).status()).isEqualTo("REJECTED");

    String page = page("/public/items/" + alert.getBusinessKey());
    assertThat(page).contains("电动自行车 路考2032", E_BIKES.get(1), "天津市市场监督管理局")
        .doesNotContain(CaseWalker.MANAGER, caseNumber);
    assertThat(publicStatus(red.getBusinessKey())).as("a rejected item stays internal").isEqualTo(404);
    assertThat(page("/public")).doesNotContain(red.getBusinessKey(), "内部复核中");
  }

  @Test
  void aCorrectionChangesTheTextsAndSaysWhy_aWithdrawalLeavesOnlyTheNotice() {
    String caseNumber = walker.open(E_BIKES.get(0), "E_BIKE", "电动自行车 更正2032").getBusinessKey();
    walker.finish(caseNumber, Route.remediated());
    ProcessInstance alert = item(caseNumber, ItemType.CONSUMER_ALERT);
    String number = alert.getBusinessKey();
    decide(task(alert), Map.of("publicationDecision", "APPROVED"));

    assertThat(publications.startChange(number, Publications.ChangeKind.CORRECTION)).isTrue();
    assertThat(publications.startChange(number, Publications.ChangeKind.WITHDRAWAL))
        .as("one change at a time").isFalse();
    ProcessInstance correction = change(number);
    Task correct = task(correction);
    assertThat(correct.getTaskDefinitionKey()).isEqualTo("Task_CorrectPublication");
    assertThat(engine.getTaskService().getVariable(correct.getId(), "publicTitle"))
        .isEqualTo(publications.byNumber(number).title());
    assertThatThrownBy(() -> decide(correct, Map.of("publicTitle", publications.byNumber(number).title(),
        "changeReason", "核对"))).isInstanceOf(FormRefusal.class).hasMessageContaining("Nothing was changed");
    decide(correct, Map.of("publicTitle", "电动自行车充电起火风险（更正）", "changeReason", "标题中产品名称有误"));
    assertThat(correction).isEnded().hasPassed("Task_CorrectPublication", "EndEvent_Corrected");

    String corrected = page("/public/items/" + number);
    assertThat(corrected).contains("电动自行车充电起火风险（更正）", "更正 Corrected", "标题 Title", "标题中产品名称有误");

    assertThat(publications.startChange(number, Publications.ChangeKind.WITHDRAWAL)).isTrue();
    ProcessInstance withdrawal = change(number);
    Task withdraw = task(withdrawal);
    assertThat(withdraw.getTaskDefinitionKey()).isEqualTo("Task_WithdrawPublication");
    decide(withdraw, Map.of("withdrawalReason", "企业已召回全部产品，风险消除"));
    assertThat(withdrawal).isEnded().hasPassed("EndEvent_Withdrawn");

    String withdrawn = page("/public/items/" + number);
    assertThat(withdrawn).contains("本信息已撤回 This item was withdrawn", "企业已召回全部产品，风险消除", "2032-03-02")
        .doesNotContain("电动自行车充电起火风险", E_BIKES.get(1), E_BIKES.get(0), "标题中产品名称有误");
    assertThat(page("/public/api/items?enterprise=" + E_BIKES.get(0))).doesNotContain(number);
    assertThat(publications.startChange(number, Publications.ChangeKind.CORRECTION))
        .as("a withdrawn item is not corrected").isFalse();
  }

  @Test
  void nothingIsProposedWhileTheObjectionWindowIsOpen_theResultOnlyOnceItStands() {
    String caseNumber = walker.open(E_BIKES.get(0), "E_BIKE", "电动自行车 异议2032").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_RespondToResult", Route.remediated());
    assertThat(items(caseNumber)).as("inside the objection window").isEmpty();

    walker.advanceTo(caseNumber, "Task_AssignRiskExpert", Route.remediated());
    assertThat(items(caseNumber)).extracting(p -> engine.getRuntimeService().getVariable(p.getId(), "itemTypeName"))
        .containsExactly(ItemType.MONITORING_RESULT.label());
  }

  @Test
  void aComponentOnTheRedList_isListedUnderItsSupplier_withTheComponentType() {
    List<String> supplier = DemoPeople.ENTERPRISES.get(2);
    String caseNumber = walker.openComponentCase(E_BIKES.get(0), ComponentType.CHARGER, "充电器 红榜2032",
        supplier.get(0), supplier.get(1)).getBusinessKey();
    walker.finish(caseNumber, Route.allItemsPass());
    ProcessInstance red = item(caseNumber, ItemType.RED_LIST);
    decide(task(red), Map.of("publicationDecision", "APPROVED"));

    Publication listed = publications.byNumber(red.getBusinessKey());
    assertThat(listed.enterpriseName()).isEqualTo(supplier.get(1));
    assertThat(listed.enterpriseUscc()).isEqualTo(supplier.get(0));
    assertThat(listed.componentName()).isEqualTo("充电器 Charger");
    assertThat(page("/public/items/" + red.getBusinessKey())).contains("供应商 Supplier", supplier.get(1), "充电器 Charger")
        .doesNotContain(E_BIKES.get(1));
  }

  /** Together the paths above go through every element of both processes. */
  @AfterAll
  static void everyFlowNodeWasPassed() {
    Set<String> passed = sharedEngine.getHistoryService().createHistoricActivityInstanceQuery().list().stream()
        .filter(a -> PROCESS_INSTANCES.contains(a.getRootProcessInstanceId()))
        .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
    for (String key : List.of(Publications.PROCESS_KEY, Publications.CHANGE_PROCESS_KEY)) {
      String definitionId = sharedEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult().getId();
      Set<String> nodes = sharedEngine.getRepositoryService().getBpmnModelInstance(definitionId)
          .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
      assertThat(passed).as("flow nodes of " + key + " passed by the path tests").containsAll(nodes);
    }
  }

  private List<ProcessInstance> items(String caseNumber) {
    List<ProcessInstance> found = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(Publications.PROCESS_KEY).variableValueEquals("caseNumber", caseNumber).list();
    found.forEach(p -> PROCESS_INSTANCES.add(p.getId()));
    return found;
  }

  private ProcessInstance item(String caseNumber, ItemType type) {
    ProcessInstance found = items(caseNumber).stream()
        .filter(p -> type.label().equals(engine.getRuntimeService().getVariable(p.getId(), "itemTypeName")))
        .findFirst().orElseThrow(() -> new AssertionError(caseNumber + " has no " + type));
    return found;
  }

  private ProcessInstance change(String publicNumber) {
    ProcessInstance found = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(Publications.CHANGE_PROCESS_KEY).processInstanceBusinessKey(publicNumber).singleResult();
    PROCESS_INSTANCES.add(found.getId());
    return found;
  }

  private Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private void decide(Task task, Map<String, Object> values) {
    walker.as(CaseWalker.MANAGER, () -> {
      engine.getFormService().submitTaskForm(task.getId(), values);
      return null;
    });
  }

  private String page(String path) {
    ResponseEntity<String> answer = rest.getForEntity(path, String.class);
    assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
    return answer.getBody();
  }

  private int publicStatus(String publicNumber) {
    return rest.getForEntity("/public/items/" + publicNumber, String.class).getStatusCode().value();
  }

  private MimeMessage mailTo(String user, String publicNumber) throws MessagingException, InterruptedException {
    for (int wait = 0; wait < 50; wait++) {
      for (MimeMessage message : MAIL.getReceivedMessages()) {
        boolean toUser = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
            .anyMatch(a -> a.toString().equals(user + "@riskmonitor.example"));
        if (toUser && message.getSubject().contains(publicNumber)) {
          return message;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail to " + user + " about " + publicNumber);
  }
}
