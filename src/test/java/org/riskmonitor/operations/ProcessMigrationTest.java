package org.riskmonitor.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.analytics.CaseFilter;
import org.riskmonitor.analytics.Dashboard;
import org.riskmonitor.analytics.OpenWork;
import org.riskmonitor.analytics.StepTime;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.risk.RiskLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;

/**
 * Issue 19, item 2: the procedure "Changing the process" of docs/operations.md. Cases stand in
 * every phase of risk-case when a new version comes with one more step in the assistance phase
 * (the manager reviews the visit record). New cases take the new version; the cases with the
 * assistance phase still ahead of them or standing in it are moved with a migration plan mapping
 * equal activities (lab tests called, open tasks with their reminder timers and the legal clocks on
 * their boundaries kept as they were); those past it finish on their version. All finish, and the
 * dashboard counts the cases of both versions alike.
 */
class ProcessMigrationTest extends RiskMonitorTest {

  private static final String KEY = "risk-case";
  private static final String REVIEW = "Task_ReviewAssistanceVisit";
  private static final String PACKAGED = "processes/risk-case.bpmn";
  /** A month no other test works a case in; before 2038, where MySQL's TIMESTAMP columns end. */
  private static final LocalDate MONTH = LocalDate.of(2034, 8, 1);
  /** The phases up to and with the one the new version changes, in order. */
  private static final List<String> UP_TO_THE_CHANGE = List.of("Phase_Sampling", "Phase_Testing", "Phase_Objection",
      "Phase_RiskAssessment", "Phase_CauseAnalysis", "Phase_RiskResponse", "Phase_Assistance");

  /**
   * Where the cases that will be moved stand: every step before and in the assistance phase, some
   * twice. Those still waiting for their test result pass it (the shortest way to their end), the
   * others were found nonconforming and go through the assistance phase.
   */
  private static final List<String> AHEAD = List.of("Task_AssignSampling", "Task_AssignSampling",
      "Task_FillSamplingSlip", "Task_FillSamplingSlip", "Task_ConfirmSamplingSlip", "Task_ReceiveSample",
      "Task_TestSample", "Task_ReviewReport", "Task_RespondToResult", "Task_DecideObjection", "Task_AssignRiskExpert",
      "Task_AssessRisk", "Task_AnalyseCauses", "Task_DraftConsumerAlert", "Task_ApproveConsumerAlert",
      "Task_ReferCase", "Task_PlanAssistanceVisit", "Task_RecordAssistanceVisit", "Task_RecordAssistanceVisit",
      "Task_RecordAssistanceVisit");
  /** Where the cases that finish on their version stand: past the assistance phase. */
  private static final List<String> PAST = List.of("Task_SubmitRemediationEvidence", "Task_CloseCase");
  /** The steps of the consumer alert, for a serious risk only. */
  private static final List<String> SERIOUS_RISK_STEPS = List.of("Task_DraftConsumerAlert",
      "Task_ApproveConsumerAlert", "Task_ReferCase");
  /** The steps before the test result: a case standing there passes. */
  private static final List<String> BEFORE_THE_RESULT = List.of("Task_AssignSampling", "Task_FillSamplingSlip",
      "Task_ConfirmSamplingSlip", "Task_ReceiveSample", "Task_TestSample", "Task_ReviewReport");

  @Autowired
  private CaseWalker walker;

  @Autowired
  private Dashboard dashboard;

  @Autowired
  private TestRestTemplate rest;

  @AfterEach
  void packagedVersionLatestAgain() throws IOException {
    ClockUtil.reset();
    RepositoryService repository = engine.getRepositoryService();
    String latest = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult()
        .getId();
    if (Bpmn.readModelFromStream(repository.getProcessModel(latest)).getModelElementById(REVIEW) != null) {
      // the other tests walk the packaged process: it comes back as the latest version, as a release would bring it
      try (InputStream packaged = new ClassPathResource(PACKAGED).getInputStream()) {
        repository.createDeployment().name("risk-case as packaged").addInputStream(PACKAGED, packaged).deploy();
      }
    }
  }

  @Test
  void newVersionUnderRunningCases_thoseBeforeTheChangeMoved_theOthersFinishOnTheirVersion_dashboardRight() {
    ClockUtil.setCurrentTime(at(MONTH.atTime(9, 0).plusDays(6)));
    RepositoryService repository = engine.getRepositoryService();
    RuntimeService runtime = engine.getRuntimeService();
    ProcessDefinition current = latest();
    Map<String, Long> openBefore = openWork();

    Map<String, String> ahead = stand(AHEAD);
    Map<String, String> past = stand(PAST);
    Map<String, Long> openStanding = openWork();
    assertThat(openStanding.get("Phase_Assistance") - openBefore.getOrDefault("Phase_Assistance", 0L))
        .as("cases in the assistance phase").isEqualTo(4);

    BpmnModelInstance next = withReview(Bpmn.readModelFromStream(repository.getProcessModel(current.getId())));
    repository.createDeployment().name("risk-case: the manager reviews the visit record")
        .addModelInstance(PACKAGED, next).deploy();
    ProcessDefinition newer = latest();
    assertThat(newer.getVersion()).isEqualTo(current.getVersion() + 1);
    String opened = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    assertThat(instance(opened).getProcessDefinitionId()).as("a new case").isEqualTo(newer.getId());

    // the plan maps every activity to its namesake; timers keep their due dates (no event trigger updated)
    MigrationPlan plan = runtime.createMigrationPlan(current.getId(), newer.getId()).mapEqualActivities().build();
    // (other tests' cases on the same database stay where they are)
    List<String> moving = runtime.createProcessInstanceQuery().processDefinitionId(current.getId())
        .activityIdIn(waitStates(next)).list().stream()
        .filter(p -> ahead.containsKey(p.getBusinessKey()) || past.containsKey(p.getBusinessKey()))
        .map(ProcessInstance::getId).toList();
    assertThat(moving).as("cases with the change ahead of them").hasSize(AHEAD.size());
    Map<String, List<String>> tasksBefore = openTasks(ahead.keySet());
    Map<String, List<String>> jobsBefore = jobs(ahead.keySet());
    Dashboard.View standing = view();
    runtime.newMigration(plan).processInstanceIds(moving).execute();
    Dashboard.View moved = view();

    for (String caseNumber : ahead.keySet()) {
      assertThat(instance(caseNumber).getProcessDefinitionId()).as(caseNumber).isEqualTo(newer.getId());
    }
    for (String caseNumber : past.keySet()) {
      assertThat(instance(caseNumber).getProcessDefinitionId()).as(caseNumber).isEqualTo(current.getId());
    }
    assertThat(openTasks(ahead.keySet())).as("the same tasks, with their people").isEqualTo(tasksBefore);
    assertThat(jobs(ahead.keySet())).as("reminders, escalations and legal clocks, due when they were").isEqualTo(jobsBefore);
    // the new version itself keeps them too: a case opened now is reminded of its first step and escalated
    String later = walker.open(DemoPeople.ENTERPRISES.get(1).get(0), "WIRE_CABLE", "电线").getBusinessKey();
    assertThat(jobs(List.of(later)).get(later)).as("a new case's timers").hasSize(2)
        .allMatch(job -> job.contains(" Task_AssignSampling "));
    assertThat(moved.openWork()).isEqualTo(standing.openWork());
    assertThat(moved.nodes()).isEqualTo(standing.nodes());
    assertThat(moved.phases()).isEqualTo(standing.phases());
    assertThat(moved.figures()).isEqualTo(standing.figures());

    List<String> all = new ArrayList<>(ahead.keySet());
    all.addAll(past.keySet());
    all.add(opened);
    all.add(later);
    Map<String, String> stoodAt = new LinkedHashMap<>(ahead);
    stoodAt.putAll(past);
    // the case opened on the new version is found nonconforming, the one opened after the move passes
    stoodAt.put(opened, "");
    stoodAt.put(later, "Task_AssignSampling");
    for (String caseNumber : all) {
      finish(caseNumber, stoodAt.get(caseNumber));
    }

    HistoryService history = engine.getHistoryService();
    for (String caseNumber : all) {
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
          .processDefinitionKey(KEY).singleResult().getState()).as(caseNumber).isEqualTo("COMPLETED");
      long reviewed = history.createHistoricActivityInstanceQuery().activityId(REVIEW).finished()
          .processInstanceId(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
              .processDefinitionKey(KEY).singleResult().getId()).count();
      assertThat(reviewed).as(caseNumber + " reviewed by the manager")
          .isEqualTo(assisted(stoodAt.get(caseNumber)) && !past.containsKey(caseNumber) ? 1 : 0);
    }
    Dashboard.View done = view();
    assertThat(openWork()).as("open work as before the cases").isEqualTo(openBefore);
    assertThat(done.figures().casesClosed()).isEqualTo(all.size());
    assertThat(done.figures().batchesSampled()).isEqualTo(all.size());
    assertThat(done.phases().stream().filter(p -> p.activityId().equals("Phase_Assistance")).findFirst().orElseThrow()
        .count()).as("assistance phases passed, on either version").isEqualTo(all.stream()
        .filter(c -> assisted(stoodAt.get(c))).count());
    assertThat(done.steps().stream().filter(s -> s.activityId().equals(REVIEW)).mapToLong(StepTime::count).sum())
        .as("reviews").isEqualTo(all.stream().filter(c -> assisted(stoodAt.get(c)) && !past.containsKey(c)).count());
    ResponseEntity<String> page = rest.withBasicAuth("manager", DemoPeople.PASSWORD)
        .getForEntity("/dashboard?from=2034-08-01&to=2034-09-01", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("figure=closed&amp;from=2034-08-01&amp;to=2034-09-01\">" + all.size() + "<");
  }

  /** The version of the packaged model with the manager's review after the visit is recorded. */
  private static BpmnModelInstance withReview(BpmnModelInstance model) {
    SubProcess assistance = model.getModelElementById("Phase_Assistance");
    SequenceFlow recorded = model.getModelElementById("Flow_RecordAssistanceVisit_EndAssisted");
    EndEvent end = model.getModelElementById("EndEvent_Assisted");
    UserTask review = model.newInstance(UserTask.class);
    review.setId(REVIEW);
    review.setName("审阅帮扶记录 Review the assistance visit");
    review.setCamundaCandidateGroups("managers");
    assistance.addChildElement(review);
    end.getIncoming().remove(recorded);
    recorded.setTarget(review);
    review.getIncoming().add(recorded);
    SequenceFlow reviewed = model.newInstance(SequenceFlow.class);
    reviewed.setId("Flow_ReviewAssistanceVisit_EndAssisted");
    assistance.addChildElement(reviewed);
    reviewed.setSource(review);
    reviewed.setTarget(end);
    review.getOutgoing().add(reviewed);
    end.getIncoming().add(reviewed);
    return model;
  }

  /** The steps and calls of the phases up to the change: where a case to be moved waits. */
  private static String[] waitStates(BpmnModelInstance model) {
    return UP_TO_THE_CHANGE.stream()
        .flatMap(phase -> ((SubProcess) model.getModelElementById(phase)).getChildElementsByType(Activity.class).stream())
        .map(Activity::getId).toArray(String[]::new);
  }

  /** Opens a case for each step and walks it there; the case numbers and their steps. */
  private Map<String, String> stand(List<String> steps) {
    Map<String, String> cases = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      String step = steps.get(i);
      List<String> enterprise = DemoPeople.ENTERPRISES.get(i % 2);
      String caseNumber = walker.open(enterprise.get(0), i % 2 == 0 ? "E_BIKE" : "WIRE_CABLE", "迁移测试产品")
          .getBusinessKey();
      walker.advanceTo(caseNumber, step, route(step));
      assertThat(walker.openTask(caseNumber).getTaskDefinitionKey()).as(caseNumber).isEqualTo(step);
      cases.put(caseNumber, step);
    }
    return cases;
  }

  /**
   * The shortest way from the step: all items pass for a case before its result; else nonconforming,
   * the objection raised and rejected where the coordinator decides it, a medium risk (no consumer
   * alert) unless the case stands at the alert, and the correction deadline missed (see {@link #finish}).
   */
  private static Route route(String step) {
    if (BEFORE_THE_RESULT.contains(step)) {
      return Route.allItemsPass();
    }
    return Route.remediated().with(r -> {
      r.objection = step.equals("Task_DecideObjection") ? Route.Objection.REJECTED : Route.Objection.NONE;
      r.riskLevel = SERIOUS_RISK_STEPS.contains(step) ? RiskLevel.SERIOUS : RiskLevel.MEDIUM;
    });
  }

  /** Whether the case goes through the assistance phase from where it stood. */
  private static boolean assisted(String stoodAt) {
    return !BEFORE_THE_RESULT.contains(stoodAt);
  }

  /**
   * Walks the case to its end: the manager reviews the visit record where the case's version asks
   * it, and the enterprise lets the correction deadline pass (the legal clock fires, the manager
   * approves the announcement: shorter than remediation and re-inspection).
   */
  private void finish(String caseNumber, String stoodAt) {
    Route route = route(stoodAt);
    for (Task task = walker.openTask(caseNumber); task != null; task = walker.openTask(caseNumber)) {
      String taskId = task.getId();
      switch (task.getTaskDefinitionKey()) {
        case REVIEW -> walker.as("manager", () -> {
          engine.getTaskService().complete(taskId);
          return null;
        });
        case "Task_SubmitRemediationEvidence" -> engine.getManagementService().executeJob(engine.getManagementService()
            .createJobQuery().processInstanceId(task.getProcessInstanceId()).activityId("Timer_CorrectionDeadline")
            .singleResult().getId());
        default -> walker.submit(task, walker.valuesFor(task, route));
      }
    }
  }

  private ProcessDefinition latest() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult();
  }

  private ProcessInstance instance(String caseNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(KEY).singleResult();
  }

  /** Each case's open tasks (the called lab test's too): id, step, assignee and due date. */
  private Map<String, List<String>> openTasks(Iterable<String> cases) {
    TaskService tasks = engine.getTaskService();
    Map<String, List<String>> open = new LinkedHashMap<>();
    for (String caseNumber : cases) {
      open.put(caseNumber, tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream()
          .map(t -> t.getId() + " " + t.getTaskDefinitionKey() + " " + t.getAssignee() + " " + t.getDueDate())
          .sorted().toList());
    }
    return open;
  }

  /** Each case's jobs in its own process: id, activity and due date. */
  private Map<String, List<String>> jobs(Iterable<String> cases) {
    Map<String, List<String>> jobs = new LinkedHashMap<>();
    for (String caseNumber : cases) {
      jobs.put(caseNumber, engine.getManagementService().createJobQuery().processInstanceId(instance(caseNumber).getId())
          .list().stream().map(j -> j.getId() + " " + activity(j) + " " + j.getDuedate()).sorted().toList());
    }
    return jobs;
  }

  private String activity(Job job) {
    return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult().getActivityId();
  }

  private Dashboard.View view() {
    return dashboard.forPeriod(MONTH, MONTH.plusMonths(1), CaseFilter.NONE);
  }

  /** Cases standing in each phase now, all years. */
  private Map<String, Long> openWork() {
    return view().openWork().stream().collect(Collectors.toMap(OpenWork::activityId, OpenWork::openCases));
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }
}
