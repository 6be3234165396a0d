-- Indexes for our mapping of Tasklist's task queries (org.riskmonitor.taskquery, docs/benchmarks.md
-- "Tasklist at scale"). Each answers one look-up from the index alone, without reading the row:
-- the candidate tasks of a group or a user, and whether a user or group holds a grant on a task.
-- The engine's own single-column indexes make each of these a second read of the row; at 20,000
-- open tasks in one group those reads were most of a filter's count.
CREATE INDEX RM_IDX_IDENTITYLINK_GROUP ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);
CREATE INDEX RM_IDX_IDENTITYLINK_USER ON ACT_RU_IDENTITYLINK (USER_ID_, TYPE_, TASK_ID_);
CREATE INDEX RM_IDX_AUTH_RESOURCE_GRANTEE ON ACT_RU_AUTHORIZATION (RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, GROUP_ID_, USER_ID_, PERMS_);
CREATE INDEX RM_IDX_TASK_ASSIGNEE_STATE ON ACT_RU_TASK (ASSIGNEE_, SUSPENSION_STATE_);
