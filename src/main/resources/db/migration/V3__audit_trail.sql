-- Who changed what, and when, for every write to the case record (forms and system steps).
CREATE TABLE rm_audit_entry (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id    BIGINT,
  action     VARCHAR(80)   NOT NULL,
  actor      VARCHAR(64)   NOT NULL,
  at         DATETIME      NOT NULL,
  detail     VARCHAR(4000),
  CONSTRAINT fk_audit_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id)
) ${table_options};
CREATE INDEX ix_audit_case ON rm_audit_entry (case_id, at);
