-- What the public sees: consumer alerts, monitoring results, red and black list entries and bulletins.
-- The public content is copied here when an item is proposed, so the public page shows what the
-- manager approved and nothing else of the case (no person, no internal note). An item is public
-- only while PUBLISHED; a WITHDRAWN item shows its withdrawal notice only.
CREATE TABLE rm_publication (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  -- set right after the insert, from the generated id (GS-2026-000001)
  public_number          VARCHAR(20),
  item_type              VARCHAR(20)   NOT NULL,
  case_id                BIGINT,
  -- the consumer alert (rm_risk_measure) an item of type CONSUMER_ALERT publishes
  source_measure_id      BIGINT,
  title                  VARCHAR(300)  NOT NULL,
  product_kind           VARCHAR(40),
  product_kind_name      VARCHAR(210),
  product_name           VARCHAR(200),
  brand                  VARCHAR(100),
  model                  VARCHAR(100),
  batch_number           VARCHAR(100),
  production_date        DATE,
  -- the enterprise that answers for the product: for a component sampled at an assembly plant, its supplier
  enterprise_name        VARCHAR(200),
  enterprise_uscc        VARCHAR(18),
  component_name         VARCHAR(110),
  district_code          VARCHAR(6),
  district_name          VARCHAR(50),
  failed_items           VARCHAR(4000),
  hazard                 VARCHAR(4000),
  measures               VARCHAR(4000),
  measures_by            VARCHAR(200),
  status                 VARCHAR(20)   NOT NULL,
  proposed_at            DATETIME      NOT NULL,
  enterprise_notified_at DATETIME,
  approved_by            VARCHAR(64),
  decided_at             DATETIME,
  rejection_reason       VARCHAR(1000),
  published_at           DATETIME,
  corrected_at           DATETIME,
  withdrawn_at           DATETIME,
  withdrawal_reason      VARCHAR(1000),
  -- a correction or withdrawal step is open (CORRECTION, WITHDRAWAL): one at a time
  change_pending         VARCHAR(20),
  CONSTRAINT uk_publication_number UNIQUE (public_number),
  CONSTRAINT fk_publication_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id)
) ${table_options};
CREATE INDEX ix_publication_status ON rm_publication (status, item_type, published_at);
CREATE INDEX ix_publication_case ON rm_publication (case_id);

-- Every publication, correction and withdrawal: what changed, why, by whom (kept internal) and when.
CREATE TABLE rm_publication_change (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  publication_id BIGINT        NOT NULL,
  change_kind    VARCHAR(20)   NOT NULL,
  what_changed   VARCHAR(4000),
  reason         VARCHAR(1000),
  changed_by     VARCHAR(64)   NOT NULL,
  changed_at     DATETIME      NOT NULL,
  CONSTRAINT fk_publication_change FOREIGN KEY (publication_id) REFERENCES rm_publication (id)
) ${table_options};
CREATE INDEX ix_publication_change ON rm_publication_change (publication_id, changed_at);
