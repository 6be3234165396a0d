package org.riskmonitor.assignment;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.cases.OptionList;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.expert.Expert;
import org.riskmonitor.expert.ExpertCandidate;
import org.riskmonitor.expert.ExpertPool;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.laboratory.Lab;
import org.riskmonitor.laboratory.Laboratories;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Component;

/**
 * Fills the choices of a coordinator's assignment form from our data when the task is created,
 * best suited first and each label saying why: samplers by open work, labs accredited for the
 * product kind by spare capacity, experts by specialty, then open work, never one who declared
 * a conflict with the case's enterprise. The coordinator may pick any offered choice; the
 * listener that takes the submission checks it against the same data.
 */
@Component("assignmentOptions")
public class AssignmentOptions implements TaskListener {

  public static final String SAMPLERS_GROUP = "samplers";

  private record Sampler(User user, long openTasks) {
  }

  private final MonitoringCases cases;
  private final Laboratories labs;
  private final ExpertPool experts;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final Catalogue catalogue;

  public AssignmentOptions(MonitoringCases cases, Laboratories labs, ExpertPool experts, IdentityService identityService,
                           TaskService taskService, Catalogue catalogue) {
    this.cases = cases;
    this.labs = labs;
    this.experts = experts;
    this.identityService = identityService;
    this.taskService = taskService;
    this.catalogue = catalogue;
  }

  @Override
  public void notify(DelegateTask task) {
    MonitoringCase monitoringCase = cases.of(task);
    switch (task.getTaskDefinitionKey()) {
      case "Task_AssignSampling" -> {
        task.setVariable("samplerOptions", samplerOptions().toJson());
        task.setVariable("labOptions", labOptions(monitoringCase, null).toJson());
      }
      case "Task_DecideObjection" ->
          task.setVariable("retestLabOptions", labOptions(monitoringCase, monitoringCase.labId()).toJson());
      case "Task_AssignRiskExpert", "Task_PlanAssistanceVisit" ->
          task.setVariable("expertOptions", expertOptions(monitoringCase).toJson());
      default -> throw new IllegalStateException("no options for " + task.getTaskDefinitionKey());
    }
  }

  /** Samplers, the one with least open work first. */
  public List<User> samplers() {
    return rankedSamplers().stream().map(Sampler::user).toList();
  }

  /**
   * Labs accredited for the case's product kind, most spare capacity first, without the one excluded
   * (the first lab, for a re-test); for a first test the plan line's lab leads while it has room.
   */
  public List<Lab> eligibleLabs(MonitoringCase monitoringCase, Long excludedLabId) {
    return rankedLabs(monitoringCase, excludedLabId).stream().map(Laboratories.Load::lab).toList();
  }

  /** Experts who may handle the case (no declared conflict with its enterprise), best suited first. */
  public List<Expert> eligibleExperts(MonitoringCase monitoringCase) {
    return rankedExperts(monitoringCase).stream().map(ExpertCandidate::expert).toList();
  }

  /**
   * The expert named in a form field, or null if none or refused. A conflicted expert is refused
   * with that reason rather than as "not a choice", so the coordinator learns why.
   */
  public Expert chosenExpert(SubmittedForm form, String key, MonitoringCase monitoringCase, boolean required) {
    String userId = required ? form.text(key) : form.optionalText(key);
    if (userId == null) {
      return null;
    }
    Expert expert = experts.byId(userId);
    form.refuseIf(expert == null, form.label(key) + "：不是可选的值 not one of the choices");
    boolean conflicted = expert != null && experts.conflicted(userId, monitoringCase.enterpriseId());
    form.refuseIf(conflicted, form.label(key) + "：" + ExpertPool.CONFLICT_REFUSAL);
    return conflicted ? null : expert;
  }

  private List<Sampler> rankedSamplers() {
    List<User> users = SystemContext.withoutAuthorization(() -> identityService.createUserQuery()
        .memberOfGroup(SAMPLERS_GROUP).list());
    return users.stream().map(user -> new Sampler(user, openTasks(user.getId())))
        .sorted(Comparator.comparingLong(Sampler::openTasks).thenComparing(sampler -> sampler.user().getId()))
        .toList();
  }

  /** Counted as the system, since whoever completed the previous step may not see the samplers' tasks. */
  private long openTasks(String userId) {
    return SystemContext.asSystem(identityService, () -> taskService.createTaskQuery().taskAssignee(userId).count());
  }

  private List<Laboratories.Load> rankedLabs(MonitoringCase monitoringCase, Long excludedLabId) {
    Long planned = excludedLabId == null ? cases.plannedLabId(monitoringCase.id()) : null;
    return labs.accreditedBySpareCapacity(monitoringCase.productKind()).stream()
        .filter(load -> !load.lab().id().equals(excludedLabId))
        .sorted(Comparator.comparing(load -> !(load.lab().id().equals(planned) && load.spare() > 0))).toList();
  }

  private List<ExpertCandidate> rankedExperts(MonitoringCase monitoringCase) {
    return experts.rankedFor(monitoringCase.productKind(), monitoringCase.enterpriseId()).stream()
        .filter(candidate -> !candidate.conflicted()).toList();
  }

  private OptionList samplerOptions() {
    OptionList options = new OptionList();
    rankedSamplers().forEach(sampler -> options.add(sampler.user().getId(),
        fullName(sampler.user()) + " (" + sampler.user().getId() + ") — " + openWork(sampler.openTasks())));
    return options;
  }

  private OptionList labOptions(MonitoringCase monitoringCase, Long excludedLabId) {
    String kind = catalogue.kind(monitoringCase.productKind()).nameZh();
    OptionList options = new OptionList();
    for (Laboratories.Load load : rankedLabs(monitoringCase, excludedLabId)) {
      Lab lab = load.lab();
      String room = load.spare() > 0
          ? "余量" + load.spare() + "/" + lab.capacity() + " " + load.spare() + " of " + lab.capacity() + " free"
          : "已满（在检" + load.openTests() + "/" + lab.capacity() + "） full (" + load.openTests() + " of " + lab.capacity() + " in work)";
      String planned = excludedLabId == null && lab.id().equals(cases.plannedLabId(monitoringCase.id()))
          ? "（计划指定 planned）" : "";
      options.add(String.valueOf(lab.id()), lab.name() + planned + " — 资质覆盖" + kind + " accredited · " + room);
    }
    return options;
  }

  private OptionList expertOptions(MonitoringCase monitoringCase) {
    String kind = catalogue.kind(monitoringCase.productKind()).nameZh();
    OptionList options = new OptionList();
    for (ExpertCandidate candidate : rankedExperts(monitoringCase)) {
      Expert expert = candidate.expert();
      options.add(expert.userId(), expert.name() + (expert.title() == null ? "" : " " + expert.title()) + " — "
          + (candidate.specialist() ? kind + "专长 specialist" : "非本类专长 not a specialist")
          + " · 无利益冲突 no conflict · " + openWork(candidate.openTasks()));
    }
    return options;
  }

  private static String openWork(long openTasks) {
    return "在办" + openTasks + "件 " + openTasks + " open";
  }

  public static String fullName(User user) {
    String name = ((user.getLastName() == null ? "" : user.getLastName()) + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }
}
