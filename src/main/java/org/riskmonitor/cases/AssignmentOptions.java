package org.riskmonitor.cases;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.expert.Expert;
import org.riskmonitor.expert.ExpertPool;
import org.riskmonitor.laboratory.Lab;
import org.riskmonitor.laboratory.Laboratories;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Component;

/**
 * Fills the choices of a coordinator's assignment form from our data when the task is created:
 * samplers, labs accredited for the product kind, experts with the specialty first. The
 * listener that takes the submission checks the choice against the same data.
 */
@Component("assignmentOptions")
public class AssignmentOptions implements TaskListener {

  public static final String SAMPLERS_GROUP = "samplers";

  private final CaseFiles cases;
  private final Laboratories labs;
  private final ExpertPool experts;
  private final IdentityService identityService;
  private final Catalogue catalogue;

  public AssignmentOptions(CaseFiles cases, Laboratories labs, ExpertPool experts, IdentityService identityService,
                           Catalogue catalogue) {
    this.cases = cases;
    this.labs = labs;
    this.experts = experts;
    this.identityService = identityService;
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

  public List<User> samplers() {
    return SystemContext.withoutAuthorization(() -> identityService.createUserQuery().memberOfGroup(SAMPLERS_GROUP)
        .list().stream().sorted(Comparator.comparing(User::getId)).toList());
  }

  /** Labs accredited for the case's product kind, without the one excluded (the first lab, for a re-test). */
  public List<Lab> eligibleLabs(MonitoringCase monitoringCase, Long excludedLabId) {
    return labs.accreditedFor(monitoringCase.productKind()).stream()
        .filter(lab -> !lab.id().equals(excludedLabId)).toList();
  }

  public List<Expert> eligibleExperts(MonitoringCase monitoringCase) {
    return experts.rankedFor(monitoringCase.productKind());
  }

  private OptionList samplerOptions() {
    OptionList options = new OptionList();
    samplers().forEach(user -> options.add(user.getId(), fullName(user) + " (" + user.getId() + ")"));
    return options;
  }

  private OptionList labOptions(MonitoringCase monitoringCase, Long excludedLabId) {
    OptionList options = new OptionList();
    eligibleLabs(monitoringCase, excludedLabId).forEach(lab -> options.add(String.valueOf(lab.id()), lab.name()));
    return options;
  }

  private OptionList expertOptions(MonitoringCase monitoringCase) {
    OptionList options = new OptionList();
    for (Expert expert : eligibleExperts(monitoringCase)) {
      boolean specialist = experts.specialties(expert.userId()).contains(monitoringCase.productKind());
      String note = specialist ? "（" + catalogue.kind(monitoringCase.productKind()).nameZh() + "专家 specialist）" : "";
      options.add(expert.userId(), expert.name() + (expert.title() == null ? "" : " " + expert.title()) + note);
    }
    return options;
  }

  public static String fullName(User user) {
    String name = ((user.getLastName() == null ? "" : user.getLastName()) + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }
}
