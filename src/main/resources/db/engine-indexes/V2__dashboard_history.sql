-- The dashboard ranks the durations of the phases and steps that ended in a period (docs/benchmarks.md,
-- "Dashboard"). With these, the ranking reads narrow index entries instead of whole history rows:
-- phase and node cycle times are answered from the first index alone, step times find their
-- period's tasks by end time, and each task's first assignment is one index range.
CREATE INDEX RM_IDX_HI_ACT_PERIOD ON ACT_HI_ACTINST (PROC_DEF_KEY_, ACT_TYPE_, END_TIME_, ACT_ID_, DURATION_);
CREATE INDEX RM_IDX_HI_TASK_PERIOD ON ACT_HI_TASKINST (END_TIME_, PROC_DEF_KEY_, TASK_DEF_KEY_, DURATION_);
CREATE INDEX RM_IDX_HI_IDENT_ASSIGNED ON ACT_HI_IDENTITYLINK (TYPE_, OPERATION_TYPE_, TASK_ID_, TIMESTAMP_);
