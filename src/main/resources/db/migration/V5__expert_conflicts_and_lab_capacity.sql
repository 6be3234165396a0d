-- Conflicts of interest an expert has declared: enterprises the expert must not assess, visit
-- or verify. Assignment forms leave such experts out and the server refuses them.
CREATE TABLE rm_expert_conflict (
  user_id       VARCHAR(64)  NOT NULL,
  enterprise_id BIGINT       NOT NULL,
  declared_at   DATETIME     NOT NULL,
  declared_by   VARCHAR(64)  NOT NULL,
  reason        VARCHAR(500) NOT NULL,
  PRIMARY KEY (user_id, enterprise_id),
  CONSTRAINT fk_conflict_expert FOREIGN KEY (user_id) REFERENCES rm_expert (user_id),
  CONSTRAINT fk_conflict_enterprise FOREIGN KEY (enterprise_id) REFERENCES rm_enterprise (id)
) ${table_options};

-- Samples a lab can have in testing at once; labs are offered by what is left of it.
ALTER TABLE rm_lab ADD COLUMN capacity INT DEFAULT 20 NOT NULL;
