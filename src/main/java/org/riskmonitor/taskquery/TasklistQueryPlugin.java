package org.riskmonitor.taskquery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.stereotype.Component;

/**
 * Puts our authorization, task and variable managers and our read-only identity provider in place
 * of the engine's. This is the one place where we reach into the engine's internals for Tasklist's
 * queries: no public API lets a query be answered by other SQL, and the engine's own statements cannot serve Tasklist's filters at
 * national scale with authorization on (docs/benchmarks.md, "Tasklist at scale"). The managers
 * override methods of Camunda 7.24's classes and read its query objects; another engine version
 * must be checked against them (and against TasklistVisibilityIT) before this refuses less.
 */
@Component
public class TasklistQueryPlugin extends AbstractProcessEnginePlugin {

  static final String ENGINE_VERSION = "7.24.";

  /** Our statements that run in the engine's MyBatis configuration, on the engine's result maps. */
  static final String ENGINE_STATEMENTS = "org/riskmonitor/taskquery/EngineTasksById.xml";

  /** A page's tasks by their ids, as the engine's entities (in {@link #ENGINE_STATEMENTS}). */
  static final String TASKS_BY_ID = "org.riskmonitor.taskquery.EngineTasksById.selectTasksById";

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
          + "x and this engine is " + version + ": check TasklistTaskManager, TasklistVariableInstanceManager, TasklistIdentityProvider and GrantAwareAuthorizationManager against it");
    }
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new ManagerFactory(AuthorizationManager.class, () -> new GrantAwareAuthorizationManager(mapper, mapping)));
    factories.add(new ManagerFactory(TaskManager.class, () -> new TasklistTaskManager(mapper, mapping)));
    factories.add(new ManagerFactory(VariableInstanceManager.class, () -> new TasklistVariableInstanceManager(mapper, mapping)));
    factories.add(new ManagerFactory(ReadOnlyIdentityProvider.class, () -> new TasklistIdentityProvider(mapping)));
    configuration.setCustomSessionFactories(factories);
  }

  /**
   * Adds our statements to the engine's MyBatis configuration once the engine has built it: they
   * name the engine's result maps and its table prefix, and run in the engine's session, so their
   * entities join the command's entity cache as the engine's own queries' do.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    try (InputStream statements = TasklistQueryPlugin.class.getClassLoader().getResourceAsStream(ENGINE_STATEMENTS)) {
      new XMLMapperBuilder(statements, mybatis, ENGINE_STATEMENTS, mybatis.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
