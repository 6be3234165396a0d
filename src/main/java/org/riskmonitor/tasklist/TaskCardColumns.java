package org.riskmonitor.tasklist;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Copies the case columns of the Tasklist filters onto every task when it is created. An
 * enterprise or lab may read its own task's variables but not the whole process's (that grant
 * would cover every company's cases), so the task card shows these copies. Other features add
 * their own {@link TaskCreation} beans, run at the same moment.
 */
@Component
public class TaskCardColumns extends AbstractProcessEnginePlugin {

  public static final List<String> COLUMNS = List.of("caseNumber", "enterpriseName", "productName", "phaseName", "riskLevelName");

  private final ObjectProvider<TaskCreation> others;

  /** The other listeners are looked up when a task is created, long after the engine is built. */
  public TaskCardColumns(ObjectProvider<TaskCreation> others) {
    this.others = others;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, task -> {
              copy(task);
              others.orderedStream().forEach(listener -> listener.notify(task));
            });
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static void copy(DelegateTask task) {
    for (String column : COLUMNS) {
      Object value = task.getExecution().getVariable(column);
      if (value != null) {
        task.setVariableLocal(column, value);
      }
    }
  }
}
