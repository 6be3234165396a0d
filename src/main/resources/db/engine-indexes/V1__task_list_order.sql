-- Every Tasklist filter of ours sorts by due date, and Tasklist adds "newest first" behind it
-- (ORDER BY DUE_DATE_ ASC, CREATE_TIME_ DESC LIMIT 15). With this index the database can read
-- tasks in list order and stop at the 15th instead of sorting every open task: MariaDB does so
-- for queries without authorization checks (system steps, administrators).
-- (docs/benchmarks.md, "Tasklist at scale")
CREATE INDEX RM_IDX_TASK_DUE_CREATED ON ACT_RU_TASK (DUE_DATE_, CREATE_TIME_ DESC);
