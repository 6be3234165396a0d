package org.riskmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.riskmonitor.demo.Route.Objection.REJECTED;
import static org.riskmonitor.demo.Route.Objection.RETEST_CONFIRMS;
import static org.riskmonitor.demo.Route.Objection.RETEST_OVERTURNS;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.laboratory.ConnectedLabs;
import org.riskmonitor.laboratory.Lab;
import org.riskmonitor.laboratory.LabMapper;
import org.riskmonitor.laboratory.Laboratories;
import org.riskmonitor.laboratory.LimsSimulator;
import org.riskmonitor.laboratory.LimsSimulator.Behaviour;
import org.riskmonitor.risk.RiskLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One test per path the regulator's rules allow, walked through the real forms and listeners. */
class RiskCasePathsTest extends RiskMonitorTest {

  private static final String E_BIKES = DemoPeople.ENTERPRISES.get(0).get(0);
  private static final Set<String> PROCESS_INSTANCES = new HashSet<>();
  private static ProcessEngine sharedEngine;

  @Autowired
  private CaseWalker walker;

  @Autowired
  private Laboratories labs;

  @Autowired
  private LabMapper labMapper;

  @LocalServerPort
  private int port;

  @Test
  void allItemsPass_conformityNoticeThenClosureOnTheRedList() {
    ProcessInstance instance = open();
    walker.finish(instance.getBusinessKey(), Route.allItemsPass());

    assertThat(instance).isEnded().hasPassed("ServiceTask_IssueConformityNotice", "Task_CloseCase")
        .hasNotPassed("Phase_Objection", "Phase_RiskAssessment");
    assertThat(closure(instance)).isEqualTo("CONFORMING/RED");
    assertThat(jdbc.queryForObject("SELECT sha256 FROM rm_document WHERE case_id = ? AND kind = 'RESULT_NOTICE'",
        String.class, caseId(instance))).hasSize(64);
  }

  @Test
  void labRejectsTheSample_caseGoesBackToSampling() {
    ProcessInstance instance = open();
    walker.advanceTo(instance.getBusinessKey(), "Task_RespondToResult",
        Route.remediated().with(r -> r.sampleRejectedOnce = true));

    assertThat(instance).hasPassed("Task_AssignSampling").hasPassedInOrder("Task_FillSamplingSlip", "Phase_Testing",
        "Task_AssignSampling", "Task_FillSamplingSlip");
    long caseId = caseId(instance);
    assertThat(count("rm_lab_receipt", "case_id = ? AND accepted = FALSE", caseId)).isEqualTo(1);
    assertThat(count("rm_lab_receipt", "case_id = ? AND accepted = TRUE", caseId)).isEqualTo(1);
    assertThat(count("rm_sampling_slip", "case_id = ?", caseId)).isEqualTo(2);
  }

  @Test
  void labOnItsLims_rejectsTheSampleOnce_thenReportsThroughExternalTasks() {
    Lab lab = connectedLabs().connect("TJLIMSP", "天津市检验丙所（LIMS测试）", "limsp", "E_BIKE");
    try {
      ProcessInstance instance = open();
      String caseNumber = instance.getBusinessKey();
      Route route = Route.remediated();
      // rejected, then nonconforming, then the re-inspection (in the case's lab) passes
      for (Behaviour behaviour : List.of(Behaviour.accepting().rejecting(), Behaviour.accepting().failingFirstItem(),
          Behaviour.accepting())) {
        walker.advanceTo(caseNumber, "none", route, (task, values) -> {
          if (task.getTaskDefinitionKey().equals("Task_AssignSampling")) {
            values.put("labId", String.valueOf(lab.id()));
          }
        });
        walker.runSystemSteps(caseNumber);
        ProcessInstance labTest = engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber, "lab-test").singleResult();
        try (LimsSimulator lims = LimsSimulator.start("http://localhost:" + port + "/engine-rest", "limsp",
            ConnectedLabs.TECHNICAL_PASSWORD, lab.groupId(), "p-1", 60_000, behaviour, caseNumber)) {
          long deadline = System.currentTimeMillis() + 30_000;
          while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(labTest.getId()).count() > 0) {
            assertThat(System.currentTimeMillis()).as("the LIMS answers: %s", lims.refusals).isLessThan(deadline);
            Thread.sleep(100);
          }
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        walker.runSystemSteps(caseNumber);
      }
      walker.finish(caseNumber, route);

      assertThat(instance).isEnded().hasPassedInOrder("Task_FillSamplingSlip", "Phase_Testing", "Task_AssignSampling",
          "Task_FillSamplingSlip", "Phase_Testing", "Task_AssessRisk");
      long caseId = caseId(instance);
      assertThat(count("rm_lab_receipt", "case_id = ? AND accepted = FALSE", caseId)).isEqualTo(1);
      assertThat(count("rm_test_report", "case_id = ? AND status = 'APPROVED' AND lab_id = ?", caseId, lab.id()))
          .isEqualTo(2);
      assertThat(closure(instance)).isEqualTo("REMEDIATED/RED");
    } finally {
      connectedLabs().withdraw(lab);
    }
  }

  @Test
  void reviewerMustNotBeTheTester_andAReturnedReportIsTestedAgain() {
    ProcessInstance instance = open();
    String caseNumber = instance.getBusinessKey();
    Route route = Route.remediated().with(r -> r.reportReturnedOnce = true);
    walker.advanceTo(caseNumber, "Task_ReviewReport", route);
    Task review = walker.openTask(caseNumber);
    long reportId = ((Number) engine.getTaskService().getVariable(review.getId(), "reportId")).longValue();
    String tester = jdbc.queryForObject("SELECT tested_by FROM rm_test_report WHERE id = ?", String.class, reportId);

    assertThatThrownBy(() -> walker.as(tester, () -> {
      engine.getFormService().submitTaskForm(review.getId(), Map.of("reviewDecision", "APPROVED"));
      return null;
    })).isInstanceOf(FormRefusal.class).hasMessageContaining("审核人不能是检验人");
    assertThat(walker.openTask(caseNumber).getId()).isEqualTo(review.getId());
    assertThat(jdbc.queryForObject("SELECT status FROM rm_test_report WHERE id = ?", String.class, reportId))
        .isEqualTo("SUBMITTED");

    walker.advanceTo(caseNumber, "Task_RespondToResult", route);
    assertThat(count("rm_test_report", "case_id = ? AND status = 'RETURNED'", caseId(instance))).isEqualTo(1);
    assertThat(count("rm_test_report", "case_id = ? AND status = 'APPROVED' AND reviewed_by <> tested_by",
        caseId(instance))).isEqualTo(1);
  }

  @Test
  void nonconformingWithoutObjection_seriousRisk_remediatedAndReinspected() {
    ProcessInstance instance = open();
    Route route = Route.remediated().with(r -> {
      r.alertReturnedOnce = true;
      r.evidenceInsufficientOnce = true;
    });
    walker.finish(instance.getBusinessKey(), route);

    assertThat(instance).isEnded().hasPassedInOrder("Phase_Testing", "Phase_Objection", "Phase_RiskAssessment",
        "Phase_CauseAnalysis", "Phase_RiskResponse", "Phase_Assistance", "Phase_Remediation", "Phase_Closure");
    assertThat(instance).hasPassed("Task_DraftConsumerAlert", "Task_ApproveConsumerAlert", "Task_ReferCase",
        "Task_RecordAssistanceVisit", "CallActivity_Reinspection").hasNotPassed("Task_ApproveAnnouncement");
    long caseId = caseId(instance);
    assertThat(jdbc.queryForObject("SELECT risk_level FROM rm_monitoring_case WHERE id = ?", String.class, caseId))
        .isEqualTo("SERIOUS");
    assertThat(count("rm_risk_measure", "case_id = ? AND kind = 'CONSUMER_ALERT' AND status = 'RETURNED'", caseId)).isEqualTo(1);
    assertThat(count("rm_risk_measure", "case_id = ? AND kind = 'CONSUMER_ALERT' AND status = 'APPROVED'", caseId)).isEqualTo(1);
    assertThat(count("rm_risk_measure", "case_id = ? AND kind = 'RECALL_REFERRAL'", caseId)).isEqualTo(1);
    assertThat(count("rm_remediation_evidence", "case_id = ? AND verdict = 'INSUFFICIENT'", caseId)).isEqualTo(1);
    assertThat(count("rm_problem", "case_id = ? AND solved_on IS NOT NULL", caseId)).isEqualTo(2);
    assertThat(count("rm_meeting_attendee", "meeting_id IN (SELECT m.id FROM rm_meeting m JOIN rm_assistance_visit v "
        + "ON v.id = m.visit_id WHERE v.case_id = ?)", caseId)).isEqualTo(2);
    assertThat(count("rm_test_report", "case_id = ? AND purpose = 'REINSPECTION' AND conforming = TRUE", caseId)).isEqualTo(1);
    assertThat(closure(instance)).isEqualTo("REMEDIATED/RED");
  }

  @Test
  void objectionWindowEndsByItself_resultStands() {
    ProcessInstance instance = open();
    walker.advanceTo(instance.getBusinessKey(), "Task_RespondToResult", Route.remediated());
    Job window = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Timer_ObjectionWindow").singleResult();
    assertThat(window.getDuedate()).isEqualTo(engine.getRuntimeService().getVariable(instance.getId(), "objectionDeadline"));

    engine.getManagementService().executeJob(window.getId());

    assertThat(instance).hasPassed("Timer_ObjectionWindow", "ServiceTask_RecordWindowExpired")
        .isWaitingAt("Task_AssignRiskExpert");
    assertThat(count("rm_objection", "case_id = ? AND raised = FALSE AND responded_by = 'system' AND outcome = 'CONFIRMED'",
        caseId(instance))).isEqualTo(1);
  }

  @Test
  void objectionRejectedByCoordinator_resultStands() {
    ProcessInstance instance = open();
    walker.advanceTo(instance.getBusinessKey(), "Task_AssignRiskExpert", Route.remediated().with(r -> r.objection = REJECTED));

    assertThat(instance).hasPassed("Task_DecideObjection").hasNotPassed("CallActivity_Retest");
    assertThat(count("rm_objection", "case_id = ? AND raised = TRUE AND decision = 'REJECTED' AND outcome = 'CONFIRMED'",
        caseId(instance))).isEqualTo(1);
  }

  @Test
  void acceptedObjection_retestInAnotherLabConfirmsTheResult() {
    ProcessInstance instance = open();
    String caseNumber = instance.getBusinessKey();
    walker.advanceTo(caseNumber, "Task_ReceiveSample", Route.remediated().with(r -> r.objection = RETEST_CONFIRMS));
    walker.advanceTo(caseNumber, "Task_DecideObjection", Route.remediated().with(r -> r.objection = RETEST_CONFIRMS));
    walker.advanceTo(caseNumber, "Task_ReceiveSample", Route.remediated().with(r -> r.objection = RETEST_CONFIRMS));
    Task retestReceipt = walker.openTask(caseNumber);
    long firstLab = jdbc.queryForObject("SELECT lab_id FROM rm_monitoring_case WHERE id = ?", Long.class, caseId(instance));
    String retestGroup = engine.getTaskService().getIdentityLinksForTask(retestReceipt.getId()).get(0).getGroupId();
    assertThat(retestGroup).isNotEqualTo(jdbc.queryForObject("SELECT group_id FROM rm_lab WHERE id = ?", String.class, firstLab));

    walker.advanceTo(caseNumber, "Task_AssignRiskExpert", Route.remediated().with(r -> r.objection = RETEST_CONFIRMS));
    assertThat(instance).hasPassed("CallActivity_Retest");
    long caseId = caseId(instance);
    assertThat(count("rm_objection", "case_id = ? AND decision = 'ACCEPTED' AND retest_lab_id <> ? AND outcome = 'CONFIRMED'",
        caseId, firstLab)).isEqualTo(1);
    assertThat(count("rm_test_report r JOIN rm_lab_receipt c ON c.id = r.receipt_id JOIN rm_sample s ON s.id = c.sample_id",
        "r.case_id = ? AND r.purpose = 'RETEST' AND s.role = 'BACKUP' AND r.lab_id <> ?", caseId, firstLab)).isEqualTo(1);
  }

  @Test
  void retestOverturnsTheResult_caseClosesAsObjectionUpheld() {
    ProcessInstance instance = open();
    walker.finish(instance.getBusinessKey(), Route.remediated().with(r -> r.objection = RETEST_OVERTURNS));

    assertThat(instance).isEnded().hasPassed("CallActivity_Retest", "Task_CloseCase").hasNotPassed("Phase_RiskAssessment");
    assertThat(closure(instance)).isEqualTo("OBJECTION_UPHELD/RED");
  }

  @Test
  void mediumRisk_noConsumerAlert_straightToRiskNotice() {
    ProcessInstance instance = open();
    walker.advanceTo(instance.getBusinessKey(), "Task_PlanAssistanceVisit",
        Route.remediated().with(r -> r.riskLevel = RiskLevel.MEDIUM));

    assertThat(instance).hasPassed("Rule_DetermineRiskLevel", "ServiceTask_IssueRiskNotice")
        .hasNotPassed("Task_DraftConsumerAlert");
    assertThat(count("rm_risk_measure", "case_id = ? AND kind = 'RISK_NOTICE'", caseId(instance))).isEqualTo(1);
    assertThat(count("rm_risk_measure", "case_id = ? AND kind = 'CONSUMER_ALERT'", caseId(instance))).isZero();
    assertThat(count("rm_document", "case_id = ? AND kind = 'RISK_NOTICE'", caseId(instance))).isEqualTo(1);
  }

  @Test
  void missedCorrectionDeadline_announcementAndBlackList() {
    ProcessInstance instance = open();
    walker.advanceTo(instance.getBusinessKey(), "Task_SubmitRemediationEvidence", Route.remediated());
    Job deadline = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Timer_CorrectionDeadline").singleResult();
    assertThat(deadline.getDuedate()).isEqualTo(engine.getRuntimeService().getVariable(instance.getId(), "correctionDeadline"));

    engine.getManagementService().executeJob(deadline.getId());
    walker.finish(instance.getBusinessKey(), Route.remediated());

    assertThat(instance).isEnded().hasPassed("Timer_CorrectionDeadline", "ServiceTask_RecordMissedDeadline",
        "Task_ApproveAnnouncement").hasNotPassed("Task_VerifyRemediation");
    assertThat(closure(instance)).isEqualTo("ANNOUNCED/BLACK");
    assertThat(jdbc.queryForObject("SELECT decision_comment FROM rm_risk_measure WHERE case_id = ? AND kind = 'PUBLIC_ANNOUNCEMENT'",
        String.class, caseId(instance))).contains("逾期未完成整改");
  }

  @Test
  void reinspectionFailsAgain_announcementAndBlackList() {
    ProcessInstance instance = open();
    walker.finish(instance.getBusinessKey(), Route.remediated().with(r -> {
      r.reinspectionPasses = false;
      r.reinspectionSampleRejectedOnce = true;
    }));

    assertThat(instance).isEnded().hasPassed("CallActivity_Reinspection", "Task_ApproveAnnouncement");
    assertThat(count("rm_sampling_slip", "case_id = ? AND purpose = 'REINSPECTION'", caseId(instance))).isEqualTo(2);
    assertThat(closure(instance)).isEqualTo("ANNOUNCED/BLACK");
    assertThat(count("rm_risk_measure", "case_id = ? AND kind = 'PUBLIC_ANNOUNCEMENT' AND status = 'PUBLISHED'",
        caseId(instance))).isEqualTo(1);
  }

  /**
   * Every step reminds its people before its deadline and escalates after it, first to the
   * coordinators, then to the managers. Walked on the routes that between them reach every step.
   */
  @Test
  void everyStepRemindsBeforeItsDeadlineAndEscalatesAfterIt() {
    for (Route route : List.of(
        Route.remediated().with(r -> r.alertReturnedOnce = true),
        Route.remediated().with(r -> {
          r.objection = RETEST_CONFIRMS;
          r.reinspectionPasses = false;
        }))) {
      ProcessInstance instance = open();
      for (int step = 0; step < 60; step++) {
        Task task = walker.openTask(instance.getBusinessKey());
        if (task == null) {
          break;
        }
        fireDeadlineTimers(task);
        assertThat(count("rm_notification", "task_id = ? AND kind = 'REMINDER'", task.getId())).as(task.getName())
            .isPositive();
        walker.submit(task, walker.valuesFor(task, route));
      }
      assertThat(instance).isEnded();
    }
  }

  /** Runs the reminder and escalation timers of a task (its timeout listeners), leaving its interrupting ones alone. */
  private void fireDeadlineTimers(Task task) {
    Set<String> listenerTimers = engine.getManagementService().createJobDefinitionQuery()
        .activityIdIn(task.getTaskDefinitionKey()).jobType("timer-task-listener").list().stream()
        .map(JobDefinition::getId).collect(Collectors.toSet());
    assertThat(listenerTimers).as(task.getName() + " has its reminder").isNotEmpty();
    for (int round = 0; round < 3; round++) {
      for (Job job : engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
          .activityId(task.getTaskDefinitionKey()).timers().list()) {
        if (listenerTimers.contains(job.getJobDefinitionId())) {
          engine.getManagementService().executeJob(job.getId());
        }
      }
    }
  }

  /** Together the paths above go through every element of both processes. */
  @AfterAll
  static void everyFlowNodeWasPassed() {
    Set<String> passed = sharedEngine.getHistoryService().createHistoricActivityInstanceQuery().list().stream()
        .filter(a -> PROCESS_INSTANCES.contains(a.getRootProcessInstanceId()))
        .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
    for (String key : List.of("risk-case", "lab-test")) {
      String definitionId = sharedEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult().getId();
      BpmnModelInstance model = sharedEngine.getRepositoryService().getBpmnModelInstance(definitionId);
      Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
          .collect(Collectors.toSet());
      assertThat(passed).as("flow nodes of %s passed by the path tests", key).containsAll(nodes);
    }
  }

  private ConnectedLabs connectedLabs() {
    return new ConnectedLabs(labs, labMapper, engine.getIdentityService());
  }

  private ProcessInstance open() {
    sharedEngine = engine;
    ProcessInstance instance = walker.open(E_BIKES, "E_BIKE", "电动自行车");
    PROCESS_INSTANCES.add(instance.getId());
    return instance;
  }

  private long caseId(ProcessInstance instance) {
    return jdbc.queryForObject("SELECT id FROM rm_monitoring_case WHERE case_number = ?", Long.class,
        instance.getBusinessKey());
  }

  /** Outcome and list entry, e.g. {@code REMEDIATED/RED}. */
  private String closure(ProcessInstance instance) {
    return jdbc.queryForObject("SELECT CONCAT(outcome, '/', list_entry) FROM rm_case_closure WHERE case_id = ?",
        String.class, caseId(instance));
  }
}
