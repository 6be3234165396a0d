package org.riskmonitor.operations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Keeps the reminders and escalations of open tasks when cases are moved to a new version of
 * their process (docs/operations.md, "Changing the process"). They are timeout task listeners.
 * Camunda 7.24 removes a migrated listener's timer declaration from the copy it makes of the
 * target version's declarations, but the copy is shallow: the declaration goes from the deployed
 * version itself (camunda/camunda-bpm-platform#4637, closed unfixed). The second case moved at the
 * same step then loses its reminder and escalation jobs, and every task of that step created later
 * on this node gets none, until the node restarts. Here the declarations of each step are kept in
 * a map that declines removal: the migration still finds the listener already triggered in the
 * source version, so no job is added twice, and the deployed version stays whole. Engine internals
 * (the parsed process's properties): the public API offers no hook into the migration.
 */
@Component
public class MigrationKeepsReminders extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        keepDeclarations(processDefinition);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Every activity of the scope, nested ones too, with its timeout listeners' declarations kept. */
  static void keepDeclarations(ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      Map<String, Map<String, TimerDeclarationImpl>> declarations =
          activity.getProperties().get(BpmnProperties.TIMEOUT_LISTENER_DECLARATIONS);
      if (declarations != null) {
        declarations.replaceAll((activityId, byListener) -> new Kept(byListener));
      }
      keepDeclarations(activity);
    }
  }

  /** A step's declarations by listener id; removing one answers it and leaves it in place. */
  static final class Kept extends HashMap<String, TimerDeclarationImpl> {

    Kept(Map<String, TimerDeclarationImpl> declarations) {
      super(declarations);
    }

    @Override
    public TimerDeclarationImpl remove(Object listenerId) {
      return get(listenerId);
    }
  }
}
