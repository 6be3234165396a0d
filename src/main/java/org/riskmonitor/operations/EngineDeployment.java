package org.riskmonitor.operations;

import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Met once the engine is built on its schema and has deployed the processes and forms. */
@Component
public class EngineDeployment implements ReadinessCondition {

  private volatile boolean deployed;

  @EventListener
  public void onDeployed(PostDeployEvent event) {
    deployed = true;
  }

  @Override
  public String name() {
    return "engine";
  }

  @Override
  public boolean met() {
    return deployed;
  }
}
