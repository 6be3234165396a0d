package org.riskmonitor.document;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.security.SystemContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents beside an open task (Tasklist's 材料 Documents tab): the case's documents, and uploads
 * that keep the task and its step. Only those who may work on the task upload to it: its assignee
 * and its candidates, by name or group, also once a colleague has claimed it (a company or lab acts
 * through its group, as in {@link CaseAccess}). Everyone who may see the case may read the list.
 */
@Service
public class TaskDocuments {

  static final String NOT_A_WORKER =
      "只有该任务的办理人或候选人可以上传材料 Only the assignee or a candidate of this task may upload to it";

  static final String NO_UPLOADS = "本环节无需上传材料 This step takes no documents";

  private final CaseDocuments documents;
  private final DocumentStore store;
  private final MonitoringCases cases;
  private final CaseAccess access;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final RegulatorClock clock;
  private final StepDocuments stepDocuments;

  public TaskDocuments(CaseDocuments documents, DocumentStore store, MonitoringCases cases, CaseAccess access,
                       TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
                       RegulatorClock clock, StepDocuments stepDocuments) {
    this.documents = documents;
    this.store = store;
    this.cases = cases;
    this.access = access;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
    this.stepDocuments = stepDocuments;
  }

  /**
   * The case's documents as the tab shows them beside the task. {@code zone} is the regulator's time
   * zone, in which {@code createdAt} is given; {@code mayUpload} says whether the caller works on the task.
   */
  public record Listing(String caseNumber, boolean mayUpload, ZoneId zone, Set<DocumentKind> kinds,
                        List<CaseDocument> documents) {
  }

  public Listing list(String taskId) {
    OpenTask open = openTask(taskId);
    Authentication caller = documents.caller();
    if (!open.mayWork() && !access.maySee(caller.getUserId(), caller.getGroupIds(), open.monitoringCase())) {
      throw DocumentRefusal.forbidden();
    }
    Set<DocumentKind> kinds = stepDocuments.of(open.task()).taken();
    return new Listing(open.monitoringCase().caseNumber(), open.mayWork() && !kinds.isEmpty(), clock.getZone(),
        kinds, store.ofCase(open.monitoringCase().id()));
  }

  public CaseDocument upload(String taskId, String kindName, MultipartFile file) {
    OpenTask open = openTask(taskId);
    if (!open.mayWork()) {
      throw new DocumentRefusal(HttpStatus.FORBIDDEN, NOT_A_WORKER);
    }
    CaseDocuments.CheckedFile checked = documents.check(kindName, file);
    Task task = open.task();
    Set<DocumentKind> taken = stepDocuments.of(task).taken();
    if (!taken.contains(checked.kind())) {
      throw DocumentRefusal.badRequest(taken.isEmpty() ? NO_UPLOADS
          : "本环节不接收" + checked.kind().label() + "，可上传：" + taken.stream().map(DocumentKind::label).sorted().toList()
              + " This step does not take " + checked.kind().englishLabel() + "; it takes: "
              + taken.stream().map(DocumentKind::englishLabel).sorted().toList());
    }
    return store.storeOnTask(open.monitoringCase().id(),
        new UploadStep(task.getId(), task.getTaskDefinitionKey(), task.getName()), checked.kind().name(),
        checked.fileName(), checked.type().contentType(), checked.content(), documents.caller().getUserId());
  }

  private record OpenTask(Task task, MonitoringCase monitoringCase, boolean mayWork) {
  }

  /**
   * The task and its case, found without the caller's permissions so that a task of someone else is
   * told apart from no task at all (403, not 404); whether the caller works on it is asked with theirs.
   */
  private OpenTask openTask(String taskId) {
    Authentication caller = documents.caller();
    Task task = SystemContext.asSystem(identityService,
        () -> taskService.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw new DocumentRefusal(HttpStatus.NOT_FOUND, "任务不存在或已办结 Task not found or already completed");
    }
    ProcessInstance instance = task.getProcessInstanceId() == null ? null : SystemContext.asSystem(identityService,
        () -> runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult());
    // every step of a case runs with the case number as its business key, the lab's sub-process too
    MonitoringCase monitoringCase = instance == null || instance.getBusinessKey() == null ? null
        : cases.byNumber(instance.getBusinessKey());
    if (monitoringCase == null) {
      throw new DocumentRefusal(HttpStatus.NOT_FOUND, "该任务不属于任何案件 This task belongs to no case");
    }
    return new OpenTask(task, monitoringCase, worksOn(taskId, caller));
  }

  /** Asked of the engine with the caller's own permissions, as Tasklist's own lists are. */
  private boolean worksOn(String taskId, Authentication caller) {
    TaskQuery query = taskService.createTaskQuery().taskId(taskId)
        .or().taskAssignee(caller.getUserId()).taskCandidateUser(caller.getUserId());
    List<String> groups = caller.getGroupIds();
    if (groups != null && !groups.isEmpty()) {
      query.taskCandidateGroupIn(groups);
    }
    return query.includeAssignedTasks().endOr().count() > 0;
  }
}
