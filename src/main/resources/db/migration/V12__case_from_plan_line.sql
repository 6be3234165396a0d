-- A case now names the plan line it was opened from (plan_line_id, V11); the free-text plan number
-- it carried before goes away.
ALTER TABLE rm_monitoring_case DROP COLUMN plan_number;
