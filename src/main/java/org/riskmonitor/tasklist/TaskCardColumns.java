package org.riskmonitor.tasklist;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.riskmonitor.taskcreation.TaskCreation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Copies the case columns of the Tasklist filters onto every task when it is created. An
 * enterprise or lab may read its own task's variables but not the whole process's (that grant
 * would cover every company's cases), so the task card shows these copies. First of the
 * task-creation hooks, so the others find the task as complete as its card.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TaskCardColumns implements TaskCreation {

  /** The number of a process that is not a case (a citizen's proposal, a plan, a catalogue round) on its cards. */
  public static final String PROGRAMME_NUMBER = "programmeNumber";
  public static final List<String> COLUMNS = List.of("caseNumber", PROGRAMME_NUMBER, "enterpriseName", "productName",
      "phaseName", "riskLevelName");

  @Override
  public void notify(DelegateTask task) {
    for (String column : COLUMNS) {
      Object value = task.getExecution().getVariable(column);
      if (value != null) {
        task.setVariableLocal(column, value);
      }
    }
  }
}
