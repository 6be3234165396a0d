-- The authorization version also advances with every change of a group or a membership, as on
-- MySQL and MariaDB (db/engine-indexes-mysql, V6, which says why).
CREATE TRIGGER RM_AUTHORIZATION_VERSION_GROUP_CHANGED AFTER INSERT, UPDATE, DELETE ON ACT_ID_GROUP FOR EACH ROW
  CALL "org.riskmonitor.taskquery.AuthorizationVersionTrigger";

CREATE TRIGGER RM_AUTHORIZATION_VERSION_MEMBERSHIP_CHANGED AFTER INSERT, UPDATE, DELETE ON ACT_ID_MEMBERSHIP FOR EACH ROW
  CALL "org.riskmonitor.taskquery.AuthorizationVersionTrigger";
