-- HTTP sessions (Spring Session JDBC): the webapps' login (Camunda's Authentications) and CSRF token,
-- and our pages' session attributes, so that every node of a cluster serves every request and a
-- node's death logs nobody out. Spring Session reads and writes these tables by these names and
-- columns (its own schema scripts are the reference; spring.session.jdbc.initialize-schema is never,
-- Flyway owns the schema). Ids are UUIDs; times are epoch milliseconds, so no time zone applies.
CREATE TABLE SPRING_SESSION (
  PRIMARY_ID            CHAR(36)     NOT NULL,
  SESSION_ID            CHAR(36)     NOT NULL,
  CREATION_TIME         BIGINT       NOT NULL,
  LAST_ACCESS_TIME      BIGINT       NOT NULL,
  MAX_INACTIVE_INTERVAL INT          NOT NULL,
  -- the expired sessions are deleted by every node's clean-up (spring.session.jdbc.cleanup-cron)
  EXPIRY_TIME           BIGINT       NOT NULL,
  PRINCIPAL_NAME        VARCHAR(100),
  CONSTRAINT pk_spring_session PRIMARY KEY (PRIMARY_ID)
) ${table_options};
CREATE UNIQUE INDEX ux_spring_session_id ON SPRING_SESSION (SESSION_ID);
CREATE INDEX ix_spring_session_expiry ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX ix_spring_session_principal ON SPRING_SESSION (PRINCIPAL_NAME);

-- one row per attribute, Java-serialized; a login's Authentications take a few hundred bytes
CREATE TABLE SPRING_SESSION_ATTRIBUTES (
  SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
  ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
  ATTRIBUTE_BYTES    LONGBLOB     NOT NULL,
  CONSTRAINT pk_spring_session_attributes PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
  CONSTRAINT fk_spring_session_attributes FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID)
    ON DELETE CASCADE
) ${table_options};
