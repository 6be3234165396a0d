package org.riskmonitor.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.security.Roles;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Service;

/**
 * Who may do a step of a case, read from the step's definition and our tables, so a new step needs
 * no change here. A step given to groups ({@code camunda:candidateGroups}) may go to a member of one
 * of them; a step given to one person ({@code camunda:assignee}) names the group its people come
 * from in the property {@value #ASSIGNEE_GROUP}. The groups an overdue task is escalated to are not
 * part of the definition and do not count. A group taken from a process variable counts only if it
 * is a role acting on any case or, for a company or a lab, if our tables tie that organisation to
 * the case: a variable is no proof that the company is the case's own.
 */
@Service
class StepPerformers {

  static final String ASSIGNEE_GROUP = "assigneeGroup";

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}");
  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9]+");

  private final RepositoryService repositoryService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final MonitoringCases cases;

  StepPerformers(RepositoryService repositoryService, TaskService taskService, IdentityService identityService,
                 MonitoringCases cases) {
    this.repositoryService = repositoryService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.cases = cases;
  }

  /** The groups whose members may do this task of this case; empty when nobody may. */
  Set<String> groups(Task task, MonitoringCase c) {
    Set<String> allowed = new LinkedHashSet<>(Roles.ANY_CASE);
    allowed.addAll(cases.organisationGroups(c.id()));
    Set<String> groups = new LinkedHashSet<>();
    for (String declared : declaredGroups(definition(task))) {
      String group = resolve(task, declared);
      if (group != null && allowed.contains(group)) {
        groups.add(group);
      }
    }
    return groups;
  }

  boolean isMember(String userId, Set<String> groups) {
    return SystemContext.asSystem(identityService, () -> groups.stream()
        .anyMatch(group -> identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0));
  }

  /** The step's groups as written in the definition: ids or {@code ${variable}} expressions. */
  static List<String> declaredGroups(UserTask step) {
    List<String> declared = new ArrayList<>();
    if (step.getCamundaCandidateGroups() != null) {
      for (String entry : step.getCamundaCandidateGroups().split(",")) {
        declared.add(entry.strip());
      }
    }
    if (step.getCamundaAssignee() != null && step.getExtensionElements() != null) {
      step.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
          .flatMap(properties -> properties.getCamundaProperties().stream())
          .filter(property -> ASSIGNEE_GROUP.equals(property.getCamundaName()))
          .map(CamundaProperty::getCamundaValue)
          .forEach(declared::add);
    }
    return declared;
  }

  private UserTask definition(Task task) {
    return SystemContext.asSystem(identityService, () -> repositoryService
        .getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey()));
  }

  /** A group id as it is, a {@code ${variable}} as the task's variable; anything else names nobody. */
  private String resolve(Task task, String declared) {
    Matcher variable = VARIABLE.matcher(declared);
    if (variable.matches()) {
      Object value = SystemContext.asSystem(identityService, () -> taskService.getVariable(task.getId(), variable.group(1)));
      return value instanceof String group ? group : null;
    }
    return GROUP_ID.matcher(declared).matches() ? declared : null;
  }
}
