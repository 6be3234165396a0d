package org.riskmonitor.tasklist;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * Our indexes on the engine's own tables, as Flyway migrations of their own
 * (db/engine-indexes, history in rm_engine_index_history). They run once the engine has created
 * or updated its schema: the application's Flyway runs before the engine, when a fresh database
 * has no engine tables yet.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private final DataSource dataSource;

  public EngineIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/engine-indexes")
        .table("rm_engine_index_history")
        // the schema already holds the engine's and our tables; this history starts empty
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
