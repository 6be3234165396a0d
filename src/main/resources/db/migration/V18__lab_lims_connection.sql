-- A lab that takes its test jobs in its own laboratory information management system (LIMS)
-- instead of Tasklist: its receive and test steps become Camunda external tasks on its own topics.
-- Marked by a coordinator; it decides how lab tests started after the change run.
ALTER TABLE rm_lab ADD COLUMN lims_connected BOOLEAN DEFAULT FALSE NOT NULL;
