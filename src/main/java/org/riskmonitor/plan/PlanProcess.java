package org.riskmonitor.plan;

import java.util.Comparator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Service;

/** What the plan page asks of a plan's process: an amendment step for the managers. */
@Service
public class PlanProcess {

  public static final String AMENDMENT_MESSAGE = "PlanAmendmentRequested";

  private final MonitoringPlans plans;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;

  public PlanProcess(MonitoringPlans plans, RuntimeService runtimeService, TaskService taskService,
                     IdentityService identityService) {
    this.identityService = identityService;
    this.plans = plans;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  /**
   * Opens an amendment step on the plan in force (the managers' task), or returns the one already
   * open; the step itself records what changes and why.
   */
  public Task requestAmendment(String planNumber) {
    MonitoringPlan plan = plans.byNumber(planNumber);
    if (plan == null || !plan.approved() || plan.processInstanceId() == null) {
      throw new FormRefusal("只有已批准、在执行中的计划可以修订 Only an approved plan in force can be amended");
    }
    // the page has checked the caller is a manager; the message is the system's, not the manager's engine right
    return SystemContext.asSystem(identityService, () -> {
      Task open = openAmendment(plan);
      if (open != null) {
        return open;
      }
      if (runtimeService.createProcessInstanceQuery().processInstanceId(plan.processInstanceId()).count() == 0) {
        throw new FormRefusal("计划期已结束，不能再修订 The plan's period is over; it can no longer be amended");
      }
      runtimeService.createMessageCorrelation(AMENDMENT_MESSAGE).processInstanceId(plan.processInstanceId()).correlate();
      return openAmendment(plan);
    });
  }

  private Task openAmendment(MonitoringPlan plan) {
    return taskService.createTaskQuery().processInstanceId(plan.processInstanceId()).taskDefinitionKey("Task_AmendPlan")
        .list().stream().max(Comparator.comparing(Task::getCreateTime)).orElse(null);
  }
}
