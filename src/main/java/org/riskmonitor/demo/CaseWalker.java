package org.riskmonitor.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.riskmonitor.assignment.AssignmentOptions;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.cases.Venue;
import org.riskmonitor.checklist.OnSiteChecks;
import org.riskmonitor.component.ComponentType;
import org.riskmonitor.document.DocumentKind;
import org.riskmonitor.document.DocumentStore;
import org.riskmonitor.document.UploadStep;
import org.riskmonitor.expert.Expert;
import org.riskmonitor.laboratory.Lab;
import org.riskmonitor.laboratory.LabMapper;
import org.riskmonitor.risk.RiskLevel;
import org.riskmonitor.security.Roles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Walks a case through its steps the way people do in Tasklist: each open task is submitted by
 * a member of the group (or the assignee) with values a real user would enter, following a
 * {@link Route}. Demo data uses it to stand cases in every phase; the path tests use it to reach
 * the branch they prove. Like the rest of the demo, not loaded in production.
 */
@Component
@ConditionalOnProperty(name = "riskmonitor.demo.enabled", havingValue = "true")
public class CaseWalker {

  public static final String COORDINATOR = "coordinator";
  public static final String MANAGER = "manager";
  private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

  private final FormService formService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final RepositoryService repositoryService;
  private final MonitoringCases cases;
  private final AssignmentOptions options;
  private final LabMapper labs;
  private final DueDates dueDates;
  private final DocumentStore documents;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final DemoPlans demoPlans;
  private final OnSiteChecks onSiteChecks;

  public CaseWalker(DocumentStore documents, FormService formService, TaskService taskService, HistoryService historyService,
                    IdentityService identityService, RepositoryService repositoryService, MonitoringCases cases,
                    AssignmentOptions options, LabMapper labs, DueDates dueDates, RuntimeService runtimeService,
                    ManagementService managementService, DemoPlans demoPlans, OnSiteChecks onSiteChecks) {
    this.demoPlans = demoPlans;
    this.onSiteChecks = onSiteChecks;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.formService = formService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.repositoryService = repositoryService;
    this.cases = cases;
    this.options = options;
    this.labs = labs;
    this.dueDates = dueDates;
    this.documents = documents;
  }

  /**
   * Opens a case as the coordinator, through the start form, taking a batch of a plan line with
   * plenty left for the product kind in the enterprise's district (made when first needed).
   */
  public ProcessInstance open(String uscc, String productKind, String productName) {
    return openFromLine(demoPlans.openLineFor(uscc, productKind, DemoPlans.GENEROUS / 10), uscc, productName);
  }

  /** Opens a case from the given plan line (null: none chosen) as the coordinator, through the start form. */
  public ProcessInstance openFromLine(Long planLineId, String uscc, String productName) {
    Map<String, Object> values = new HashMap<>();
    values.put("planLineId", planLineId == null ? null : String.valueOf(planLineId));
    values.put("enterpriseUscc", uscc);
    values.put("productName", productName);
    return startCase(values);
  }

  /** Submits the start form as the coordinator. */
  public ProcessInstance startCase(Map<String, Object> values) {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("risk-case")
        .latestVersion().singleResult().getId();
    return as(COORDINATOR, () -> formService.submitStartForm(definitionId, values));
  }

  /**
   * Opens a case of components waiting for assembly at an e-bike plant, from a component line of the
   * component's product kind in the plant's district: sampled at the plant, the supplier (the
   * component's labelled manufacturer) answering for it.
   */
  public ProcessInstance openComponentCase(String plantUscc, ComponentType type, String productName,
                                           String supplierUscc, String supplierName) {
    Map<String, Object> values = new HashMap<>();
    values.put("planLineId", String.valueOf(demoPlans.openLineFor(plantUscc, type.productKind(),
        Venue.ASSEMBLY_COMPONENTS.name(), 1)));
    values.put("enterpriseUscc", plantUscc);
    values.put("productName", productName);
    values.put("componentType", type.name());
    values.put("supplierUscc", supplierUscc);
    values.put("supplierName", supplierName);
    return startCase(values);
  }

  /** Submits open tasks until the case's open task is {@code stopAt} (or the case has ended). */
  public void advanceTo(String caseNumber, String stopAt, Route route) {
    advanceTo(caseNumber, stopAt, route, (task, values) -> {
    });
  }

  /**
   * What happens at each step before its form is submitted: the demo's history moves the clock on by
   * the time the step took and has its person claim it, and may change what the form sends.
   */
  public interface BeforeSubmit {
    /** Before the form's values are chosen: the clock is still where the task was created. */
    default void started(Task task) {
    }

    void submitting(Task task, Map<String, Object> values);
  }

  /**
   * The same, letting {@code before} act at each step; the steps submitted, by task definition key, in
   * order.
   */
  public List<String> advanceTo(String caseNumber, String stopAt, Route route, BeforeSubmit before) {
    List<String> steps = new ArrayList<>();
    for (int step = 0; step < 60; step++) {
      Task task = openTask(caseNumber);
      if (task == null || task.getTaskDefinitionKey().equals(stopAt)) {
        return steps;
      }
      before.started(task);
      Map<String, Object> values = valuesFor(task, route);
      before.submitting(task, values);
      submit(task, values);
      steps.add(task.getTaskDefinitionKey());
    }
    throw new IllegalStateException(caseNumber + " did not reach " + stopAt);
  }

  public void finish(String caseNumber, Route route) {
    advanceTo(caseNumber, "none", route);
  }

  public Task openTask(String caseNumber) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).active().list();
    if (tasks.size() > 1) {
      throw new IllegalStateException(caseNumber + " has " + tasks.size() + " open tasks");
    }
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  /** Submits a task's form as the person who would do it, then runs the system steps it led to. */
  public void submit(Task task, Map<String, Object> values) {
    String caseNumber = (String) taskService.getVariable(task.getId(), "caseNumber");
    as(actorFor(task), () -> {
      formService.submitTaskForm(task.getId(), values);
      return null;
    });
    runSystemSteps(caseNumber);
  }

  /**
   * Notices are issued after the submission has committed, as asynchronous steps. Tests run
   * without the job executor, so the walker runs them itself; where the job executor runs too
   * (the demo), whichever takes a step first does it and the other's attempt is dropped.
   */
  public void runSystemSteps(String caseNumber) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
          .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).messages()
              .executable().list().stream())
          .toList();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          managementService.executeJob(job.getId());
        } catch (OptimisticLockingException e) {
          // the job executor did it at the same moment
        } catch (ProcessEngineException e) {
          if (managementService.createJobQuery().jobId(job.getId()).count() > 0) {
            throw e;
          }
        }
      }
    }
    throw new IllegalStateException(caseNumber + " keeps creating asynchronous steps");
  }

  /** The person who does the task: its assignee, or a member of its candidate group. */
  public String actorFor(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    // the step's own group, not the coordinators or managers an escalation added
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    String group = groups.stream().filter(g -> !g.equals(Roles.MANAGERS) && !g.equals(Roles.COORDINATORS)).findFirst()
        .orElse(groups.get(0));
    List<String> members = identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
        .stream().map(User::getId).toList();
    if (members.isEmpty()) {
      throw new IllegalStateException("nobody in group " + group);
    }
    if (task.getTaskDefinitionKey().equals("Task_ReviewReport")) {
      String tester = labs.findReport(number(task, "reportId")).testedBy();
      return members.stream().filter(m -> !m.equals(tester)).findFirst().orElseThrow();
    }
    return members.get(0);
  }

  /**
   * What a careful user does at this step, for the given route: uploads the step's documents in
   * its Documents tab, and returns the values entered in its form.
   */
  public Map<String, Object> valuesFor(Task task, Route route) {
    uploadDocumentsFor(task);
    if (task.getTaskDefinitionKey().equals("Task_FillSamplingSlip")) {
      answerOnSiteChecklist(task, route.onSiteFinding());
    }
    return formValues(task, route);
  }

  /**
   * The sampler answers the items of the case's on-site checklist left open, as the phone page
   * sends them: all conforming, or with a finding on the last item, to be tracked as a problem.
   */
  public void answerOnSiteChecklist(Task task, boolean withFinding) {
    String caseNumber = (String) taskService.getVariable(task.getId(), "caseNumber");
    as(actorFor(task), () -> {
      List<OnSiteChecks.ItemView> items = onSiteChecks.view(caseNumber).items();
      for (int i = 0; i < items.size(); i++) {
        OnSiteChecks.ItemView item = items.get(i);
        if (item.answer() != null) {
          continue;
        }
        boolean finding = withFinding && i == items.size() - 1;
        onSiteChecks.answer(caseNumber, new OnSiteChecks.AnswerChange(UUID.randomUUID().toString(), item.item().id(),
            finding ? "FINDING" : "CONFORMING", finding ? "现场所见：" + item.item().findingCriterion() : null,
            finding, 0));
      }
      return null;
    });
  }

  /** The files a step's person uploads on the task before submitting; none for most steps. */
  public void uploadDocumentsFor(Task task) {
    MonitoringCase monitoringCase = cases.byNumber((String) taskService.getVariable(task.getId(), "caseNumber"));
    switch (task.getTaskDefinitionKey()) {
      case "Task_FillSamplingSlip" -> attach(task, monitoringCase, DocumentKind.SAMPLING_PHOTO, "seal.png", "image/png", PNG);
      case "Task_TestSample" -> attach(task, monitoringCase, DocumentKind.TEST_REPORT_PDF, "report.pdf", "application/pdf", PDF);
      case "Task_RecordAssistanceVisit" -> attach(task, monitoringCase, DocumentKind.VISIT_PHOTO, "meeting.png", "image/png", PNG);
      case "Task_SubmitRemediationEvidence" -> attach(task, monitoringCase, DocumentKind.REMEDIATION_EVIDENCE, "evidence.pdf", "application/pdf", PDF);
      default -> {
      }
    }
  }

  /** The values a careful user enters in this step's form, for the given route. */
  public Map<String, Object> formValues(Task task, Route route) {
    String caseNumber = (String) taskService.getVariable(task.getId(), "caseNumber");
    MonitoringCase monitoringCase = cases.byNumber(caseNumber);
    LocalDate today = dueDates.today();
    Map<String, Object> v = new HashMap<>();
    switch (task.getTaskDefinitionKey()) {
      case "Task_AssignSampling" -> {
        v.put("samplerId", options.samplers().get(0).getId());
        v.put("labId", String.valueOf(options.eligibleLabs(monitoringCase, null).get(0).id()));
      }
      case "Task_FillSamplingSlip" -> {
        v.putAll(typed(StepValues.samplingSlip(monitoringCase.id(), (String) taskService.getVariable(task.getId(),
            "enterpriseName"), route.productionDate(), finished(caseNumber, "Task_FillSamplingSlip"), today)));
      }
      case "Task_ConfirmSamplingSlip" -> v.putAll(StepValues.slipConfirmation());
      case "Task_ReceiveSample" -> {
        boolean reject = switch ((String) taskService.getVariable(task.getId(), "testPurpose")) {
          case "INITIAL" -> route.sampleRejectedOnce() && finished(caseNumber, "Task_FillSamplingSlip") == 1;
          case "REINSPECTION" -> route.reinspectionSampleRejectedOnce()
              && finished(caseNumber, "Task_DrawReinspectionSample") == 1;
          default -> false;
        };
        v.putAll(StepValues.sampleReceipt(reject, today));
      }
      case "Task_TestSample" -> {
        String purpose = (String) taskService.getVariable(task.getId(), "testPurpose");
        boolean pass = switch (purpose) {
          case "INITIAL" -> route.conforming();
          case "RETEST" -> route.objection() == Route.Objection.RETEST_OVERTURNS;
          default -> route.reinspectionPasses();
        };
        long earlierReports = historyService.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
            .taskDefinitionKey("Task_TestSample").finished().count();
        String testItems = ((SerializableValue) taskService.getVariableTyped(task.getId(), "testItems", false))
            .getValueSerialized();
        v.putAll(typed(StepValues.testReport(monitoringCase.id(), purpose, earlierReports, testItems, pass, today)));
      }
      case "Task_ReviewReport" -> {
        boolean returnIt = route.reportReturnedOnce() && historyService.createHistoricTaskInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey("Task_ReviewReport").finished().count() == 0;
        v.putAll(StepValues.review(returnIt));
      }
      case "Task_RespondToResult" -> {
        boolean object = route.objection() != Route.Objection.NONE;
        v.put("resultResponse", object ? "OBJECT" : "ACCEPT");
        if (object) {
          v.put("objectionGrounds", "我司留样自检合格，对检验结论有异议，申请备样复检。");
        }
      }
      case "Task_DecideObjection" -> {
        boolean accept = route.objection() != Route.Objection.REJECTED;
        v.put("objectionDecision", accept ? "ACCEPTED" : "REJECTED");
        v.put("decisionReason", accept ? "异议在法定期限内提出，备样完好，受理复检。" : "异议理由不涉及检验过程和结论，不予受理。");
        if (accept) {
          Lab other = options.eligibleLabs(monitoringCase, monitoringCase.labId()).get(0);
          v.put("retestLabId", String.valueOf(other.id()));
        }
      }
      case "Task_AssignRiskExpert" -> v.put("expertId", options.eligibleExperts(monitoringCase).get(0).userId());
      case "Task_AssessRisk" -> v.put("riskScenarios", json(List.of(scenario(route.riskLevel()))));
      case "Task_AnalyseCauses" -> {
        v.put("causes", json(List.of(
            Map.of("category", "RAW_MATERIAL", "description", "导体使用再生铜，电阻超标 Recycled copper conductor", "severity", "MAJOR"),
            Map.of("category", "QUALITY_CONTROL", "description", "进货检验未覆盖导体电阻 Incoming inspection misses resistance",
                "severity", "MINOR"))));
        v.put("spotCheckComparison", "与近三年监督抽查结果一致，同类问题集中在小型企业。");
      }
      case "Task_DraftConsumerAlert" -> {
        v.put("alertTitle", "关于" + taskService.getVariable(task.getId(), "productName") + "的消费提示");
        v.put("alertText", "监测发现部分产品存在安全风险，请消费者选购时查看3C标志，发现异常立即停止使用。");
      }
      case "Task_ApproveConsumerAlert" -> {
        boolean returnIt = route.alertReturnedOnce() && finished(caseNumber, "Task_ApproveConsumerAlert") == 0;
        v.put("alertDecision", returnIt ? "RETURNED" : "APPROVED");
        if (returnIt) {
          v.put("approvalComment", "请补充产品型号和批号");
        }
      }
      case "Task_ReferCase" -> {
        v.put("recallReferral", true);
        v.put("recallReference", "津市监召〔" + today.getYear() + "〕" + monitoringCase.id() + "号");
        v.put("enforcementReferral", false);
      }
      case "Task_PlanAssistanceVisit" -> {
        List<Expert> experts = options.eligibleExperts(monitoringCase);
        v.put("visitLeadExpertId", experts.get(0).userId());
        v.put("visitSecondExpertId", experts.get(1).userId());
        v.put("plannedVisitDate", today.plusDays(3).toString());
      }
      case "Task_RecordAssistanceVisit" -> {
        v.put("visitedOn", today.toString());
        v.put("visitSummary", "走访生产车间和质检室，召开质量分析会，指出原材料进货检验薄弱。");
        v.put("meetingKind", "QUALITY_ANALYSIS");
        v.put("meetingTopic", "原材料质量控制分析会");
        v.put("attendees", json(List.of(Map.of("attendeeName", "李明", "organisation", "企业质量部"),
            Map.of("attendeeName", "赵强", "organisation", "企业采购部"))));
        v.put("problems", json(List.of(Map.of("description", "进货检验未检测导体电阻"),
            Map.of("description", "供应商资质档案缺失"))));
      }
      case "Task_SubmitRemediationPlan" -> {
        v.put("stopSaleConfirmed", true);
        v.put("remediationPlan", "1. 停止销售并召回同批次产品；2. 更换导体供应商；3. 增加进货电阻检验。");
        v.put("plannedCompletionDate", today.plusDays(30).toString());
      }
      case "Task_SubmitRemediationEvidence" -> {
        v.put("correctiveActions", json(List.of("STOP_SALES", "SUPPLIER_CHANGE", "PROCESS_CHANGE")));
        v.put("evidenceDescription", "已更换供应商，新增进货检验记录三批次，均合格。");
      }
      case "Task_VerifyRemediation" -> {
        boolean insufficient = route.evidenceInsufficientOnce() && finished(caseNumber, "Task_VerifyRemediation") == 0;
        v.put("verificationVerdict", insufficient ? "INSUFFICIENT" : "SUFFICIENT");
        v.put("verificationComment", insufficient ? "缺少新供应商的检验报告" : "问题均已整改，证据充分");
        List<String> problemIds = new ArrayList<>();
        SpinJsonNode problems = (SpinJsonNode) taskService.getVariable(task.getId(), "problemOptions");
        problems.elements().forEach(p -> problemIds.add(p.prop("value").stringValue()));
        v.put("solvedProblems", json(insufficient ? List.of() : problemIds));
      }
      case "Task_DrawReinspectionSample" -> {
        v.put("reinspectionBatchNumber", "R" + today.toString().replace("-", ""));
        v.put("reinspectionSealNumber", "FC" + monitoringCase.id() + "-" + finished(caseNumber, "Task_DrawReinspectionSample"));
        v.put("reinspectionSampleQuantity", 2);
        v.put("reinspectionSampledOn", today.toString());
      }
      case "Task_ApproveAnnouncement" -> {
        v.put("announcementTitle", "关于" + taskService.getVariable(task.getId(), "enterpriseName") + "产品质量问题的公告");
        v.put("announcementText", "该企业经整改后复查仍不合格，现予公告。");
      }
      case "Task_CloseCase" -> v.putAll(StepValues.closure());
      default -> throw new IllegalStateException("no values for " + task.getTaskDefinitionKey());
    }
    return v;
  }

  /** Uploads a small file on the task, as the step's person does in its Documents tab before submitting. */
  private void attach(Task task, MonitoringCase monitoringCase, DocumentKind kind, String fileName, String contentType,
                        byte[] content) {
    // uploaded to the task, as the Documents tab beside it does
    documents.storeOnTask(monitoringCase.id(),
        new UploadStep(task.getId(), task.getTaskDefinitionKey(), task.getName()), kind.name(), fileName, contentType,
        content, actorFor(task));
  }

  /** A scenario whose severity and probability land on the wanted level of the matrix. */
  private static Map<String, String> scenario(RiskLevel level) {
    return switch (level) {
      case SERIOUS -> Map.of("description", "充电时电池热失控起火，致使用者烧伤死亡", "severity", "4",
          "stepProbabilities", "1/10, 1/10");
      case HIGH -> Map.of("description", "外壳带电致使用者触电，需急诊处理", "severity", "2", "stepProbabilities", "1/20, 1/10");
      case MEDIUM -> Map.of("description", "边缘锐利划伤手指", "severity", "1", "stepProbabilities", "1/20");
      case LOW -> Map.of("description", "标识不清导致误用，轻微不适", "severity", "1", "stepProbabilities", "1/10, 1/100");
    };
  }

  private long finished(String caseNumber, String taskKey) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(taskKey).finished().count();
  }

  private long number(Task task, String variable) {
    return ((Number) taskService.getVariable(task.getId(), variable)).longValue();
  }

  private static Object json(Object value) {
    return SpinValues.jsonValue(Spin.JSON(value)).create();
  }

  /** Step values as the form sends them: lists and maps as Json values. */
  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new HashMap<>(values);
    typed.replaceAll((name, value) -> value instanceof List || value instanceof Map ? json(value) : value);
    return typed;
  }

  public <T> T as(String userId, java.util.function.Supplier<T> action) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
