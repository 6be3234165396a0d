package org.riskmonitor.taskquery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.stereotype.Component;

/**
 * Puts our authorization and task managers in place of the engine's. This is the one place where
 * we reach into the engine's internals for Tasklist's queries: no public API lets a query be
 * answered by other SQL, and the engine's own statements cannot serve Tasklist's filters at
 * national scale with authorization on (docs/benchmarks.md, "Tasklist at scale"). The managers
 * override methods of Camunda 7.24's classes and read its query objects; another engine version
 * must be checked against them (and against TasklistVisibilityIT) before this refuses less.
 */
@Component
public class TasklistQueryPlugin extends AbstractProcessEnginePlugin {

  static final String ENGINE_VERSION = "7.24.";

  private final TasklistTaskMapper mapper;
  private final TaskQueryMapping mapping;

  public TasklistQueryPlugin(TasklistTaskMapper mapper, TaskQueryMapping mapping) {
    this.mapper = mapper;
    this.mapping = mapping;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    String version = ProductPropertiesUtil.getProductVersion();
    if (version == null || !version.startsWith(ENGINE_VERSION)) {
      throw new IllegalStateException("Our task query mapping is written for Camunda " + ENGINE_VERSION
          + "x and this engine is " + version + ": check TasklistTaskManager and GrantAwareAuthorizationManager against it");
    }
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new ManagerFactory(AuthorizationManager.class, () -> new GrantAwareAuthorizationManager(mapper, mapping)));
    factories.add(new ManagerFactory(TaskManager.class, () -> new TasklistTaskManager(mapper, mapping)));
    configuration.setCustomSessionFactories(factories);
  }

  /** Opens our manager where the engine asks for its own (the engine looks managers up by type). */
  private record ManagerFactory(Class<?> sessionType, Supplier<Session> manager) implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return sessionType;
    }

    @Override
    public Session openSession() {
      return manager.get();
    }
  }
}
