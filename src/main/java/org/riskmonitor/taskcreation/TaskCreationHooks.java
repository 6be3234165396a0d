package org.riskmonitor.taskcreation;

import java.util.ArrayList;
import java.util.List;
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
 * Runs every {@link TaskCreation} bean, in their order, when any user task of any process is
 * created, so no diagram has to name them. The interface lives here, below the features, so that
 * each feature adds its own hook without the features depending on each other.
 */
@Component
public class TaskCreationHooks extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskCreation> hooks;

  /** The hooks are looked up when a task is created, long after the engine is built. */
  public TaskCreationHooks(ObjectProvider<TaskCreation> hooks) {
    this.hooks = hooks;
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
            .addTaskListener(TaskListener.EVENTNAME_CREATE, task -> hooks.orderedStream().forEach(hook -> hook.notify(task)));
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
