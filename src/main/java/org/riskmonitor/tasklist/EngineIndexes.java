package org.riskmonitor.tasklist;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * Our indexes on the engine's own tables, as Flyway migrations of their own
 * (db/engine-indexes, history in rm_engine_index_history). They run once the engine has created
 * or updated its schema: the application's Flyway runs before the engine, when a fresh database
 * has no engine tables yet. On MySQL and MariaDB, db/engine-indexes-mysql adds what only those
 * servers have: the triggers that keep the open tasks' offers (V4, RM_TASK_OFFER), from which
 * Tasklist's filters are counted and paged there. Both it and db/engine-indexes-h2 keep the
 * version of the authorizations that decide more than one task (V5, RM_AUTHORIZATION_VERSION), each
 * with its database's kind of trigger. Their versions are kept apart from the shared ones.
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
        .locations(mysql() ? new String[] {"classpath:db/engine-indexes", "classpath:db/engine-indexes-mysql"}
            : new String[] {"classpath:db/engine-indexes", "classpath:db/engine-indexes-h2"})
        .table("rm_engine_index_history")
        // the schema already holds the engine's and our tables; this history starts empty
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  private boolean mysql() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return product.contains("mysql") || product.contains("mariadb");
    } catch (SQLException e) {
      throw new IllegalStateException("the database's product name cannot be read", e);
    }
  }
}
