-- Every Tasklist filter of ours sorts by due date, and Tasklist adds "newest first" behind it
-- (ORDER BY DUE_DATE_ ASC, CREATE_TIME_ DESC LIMIT 15). Without this index the database sorts
-- every visible open task and checks each one's authorizations before it can return the first
-- 15; with it, it reads tasks in list order and stops after the 15th it may show.
-- (docs/benchmarks.md, "Tasklist at scale")
CREATE INDEX RM_IDX_TASK_DUE_CREATED ON ACT_RU_TASK (DUE_DATE_, CREATE_TIME_ DESC);
