package org.riskmonitor.engineapi;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.security.SystemContext;
import org.riskmonitor.summary.CaseSummary;
import org.springframework.stereotype.Component;

/**
 * The variables a worker reads on a task: those its form shows or submits. The engine's
 * READ_VARIABLE on a task opens every variable of the process to whoever works it (the expert and
 * lab choices, other steps' values); the form is the field contract instead. What the form shows
 * of the case comes from {@link CaseSummary}, not from process variables.
 */
@Component
public class TaskFormView {

  private final TaskService taskService;
  private final IdentityService identityService;
  private final FormDefinitions forms;

  public TaskFormView(TaskService taskService, IdentityService identityService, FormDefinitions forms) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.forms = forms;
  }

  /**
   * A task's form: the names it shows or submits, and of those the case summary values it only
   * shows (a field the form submits keeps its own variable, so a returned step shows what was sent).
   */
  public record Form(Set<String> shown, Set<String> summarised) {
    static final Form NONE = new Form(Set.of(), Set.of());
  }

  /** The task's form; none for a task without a form of ours or no such task. */
  public Form of(String taskId) {
    return formOf(taskId).map(form -> {
      Set<String> shown = forms.shownVariables(form[0], form[1]);
      Set<String> summarised = new HashSet<>(shown);
      summarised.retainAll(CaseSummary.NAMES);
      summarised.removeAll(forms.submittable(form[0], form[1]));
      return new Form(shown, Set.copyOf(summarised));
    }).orElse(Form.NONE);
  }

  /** The names the task's form may submit; empty for a task without a form of ours or no such task. */
  public Optional<Set<String>> submittableOn(String taskId) {
    return formOf(taskId).map(form -> forms.submittable(form[0], form[1]));
  }

  /** The task's form reference and form key, if it is an open task with a form of ours. */
  private Optional<String[]> formOf(String taskId) {
    // the caller's own right to the task is checked by the engine when it answers; this only narrows
    Task task = SystemContext.asSystem(identityService,
        () -> taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
    if (task == null) {
      return Optional.empty();
    }
    String formRef = task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
    if (formRef == null && task.getFormKey() == null) {
      return Optional.empty();
    }
    try {
      forms.shownVariables(formRef, task.getFormKey());
      return Optional.of(new String[] {formRef, task.getFormKey()});
    } catch (IllegalStateException noFormOfOurs) {
      return Optional.empty();
    }
  }
}
