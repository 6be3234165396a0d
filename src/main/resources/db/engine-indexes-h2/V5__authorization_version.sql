-- The version of the authorizations that decide more than one task, as on MySQL and MariaDB
-- (db/engine-indexes-mysql, V5, which says why): H2 runs a trigger written in Java.
CREATE TABLE RM_AUTHORIZATION_VERSION (
  ID_ INT NOT NULL PRIMARY KEY,
  VERSION_ BIGINT NOT NULL
);

INSERT INTO RM_AUTHORIZATION_VERSION VALUES (1, 0);

CREATE TRIGGER RM_AUTHORIZATION_VERSION_CHANGED AFTER INSERT, UPDATE, DELETE ON ACT_RU_AUTHORIZATION FOR EACH ROW
  CALL "org.riskmonitor.taskquery.AuthorizationVersionTrigger";
