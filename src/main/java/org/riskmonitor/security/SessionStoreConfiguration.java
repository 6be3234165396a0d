package org.riskmonitor.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/** The HTTP sessions' store (Spring Session JDBC, tables of V19__http_sessions.sql). */
@Configuration
public class SessionStoreConfiguration {

  /**
   * On MySQL an attribute is written with an upsert: two requests of one session on two nodes
   * that both add the same attribute would otherwise collide on its key, and one of them fail.
   */
  @Bean
  @ConditionalOnProperty(name = "camunda.bpm.database.type", havingValue = "mysql")
  public MySqlJdbcIndexedSessionRepositoryCustomizer mySqlSessionAttributeUpsert() {
    return new MySqlJdbcIndexedSessionRepositoryCustomizer();
  }
}
