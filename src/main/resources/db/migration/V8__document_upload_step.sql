-- A document uploaded beside a task keeps the task and the step it was uploaded at, so a step can
-- require "a document of this kind uploaded on this task" and the case file shows where each came
-- from. Documents uploaded to the case itself, and the notices the system writes, have none.
-- step_key is the task's BPMN id (stable, for checks); step_name its name as people read it.
ALTER TABLE rm_document ADD COLUMN task_id VARCHAR(64);
ALTER TABLE rm_document ADD COLUMN step_key VARCHAR(255);
ALTER TABLE rm_document ADD COLUMN step_name VARCHAR(255);

-- a step's check looks its task's documents up
CREATE INDEX ix_document_task ON rm_document (task_id);
