-- The version of the authorizations that decide more than one task: it advances in the writer's
-- transaction whenever an authorization is written that is not a grant on one task (resource types
-- 7, TASK, and 19, HISTORIC_TASK, which the engine writes for every candidate link and assignee).
-- Application nodes keep what they read of the other authorizations (a user's broad grants and
-- revokes, READ on a filter) while the version stays, and read again once it has moved: a revoke
-- committed before a request starts decides that request, on every node (docs/tasklist.md,
-- "Authorization reads kept across requests"). One row updated, not a log appended: a version is
-- then never passed by a transaction that commits later, as an auto-increment's can be; the
-- writers it orders are an administrator's changes and new users, groups and filters, which are few.
CREATE TABLE RM_AUTHORIZATION_VERSION (
  ID_ INT NOT NULL PRIMARY KEY,
  VERSION_ BIGINT NOT NULL
);

INSERT INTO RM_AUTHORIZATION_VERSION VALUES (1, 0);

DELIMITER $$

CREATE TRIGGER RM_AUTHORIZATION_VERSION_INSERTED AFTER INSERT ON ACT_RU_AUTHORIZATION FOR EACH ROW
BEGIN
  IF NOT (NEW.TYPE_ = 1 AND NEW.RESOURCE_TYPE_ IN (7, 19) AND NEW.RESOURCE_ID_ IS NOT NULL AND NEW.RESOURCE_ID_ <> '*') THEN
    UPDATE RM_AUTHORIZATION_VERSION SET VERSION_ = VERSION_ + 1 WHERE ID_ = 1;
  END IF;
END$$

CREATE TRIGGER RM_AUTHORIZATION_VERSION_UPDATED AFTER UPDATE ON ACT_RU_AUTHORIZATION FOR EACH ROW
BEGIN
  IF NOT (OLD.TYPE_ = 1 AND OLD.RESOURCE_TYPE_ IN (7, 19) AND OLD.RESOURCE_ID_ IS NOT NULL AND OLD.RESOURCE_ID_ <> '*'
      AND NEW.TYPE_ = 1 AND NEW.RESOURCE_TYPE_ IN (7, 19) AND NEW.RESOURCE_ID_ IS NOT NULL AND NEW.RESOURCE_ID_ <> '*') THEN
    UPDATE RM_AUTHORIZATION_VERSION SET VERSION_ = VERSION_ + 1 WHERE ID_ = 1;
  END IF;
END$$

CREATE TRIGGER RM_AUTHORIZATION_VERSION_DELETED AFTER DELETE ON ACT_RU_AUTHORIZATION FOR EACH ROW
BEGIN
  IF NOT (OLD.TYPE_ = 1 AND OLD.RESOURCE_TYPE_ IN (7, 19) AND OLD.RESOURCE_ID_ IS NOT NULL AND OLD.RESOURCE_ID_ <> '*') THEN
    UPDATE RM_AUTHORIZATION_VERSION SET VERSION_ = VERSION_ + 1 WHERE ID_ = 1;
  END IF;
END$$

DELIMITER ;
