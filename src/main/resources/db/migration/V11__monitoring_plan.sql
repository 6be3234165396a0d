-- The yearly monitoring plan: what the approved catalogue sets becomes lines of product kind x
-- venue x district x batches x lab x period, each with a budget per batch. A case is opened by
-- taking one batch from an approved line; cases_opened is raised by a guarded update so two
-- coordinators can never take the same last batch.
CREATE TABLE rm_monitoring_plan (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  -- set right after the insert, from the generated id (JH-2026-001)
  plan_number         VARCHAR(20),
  plan_year           INT           NOT NULL,
  title               VARCHAR(200)  NOT NULL,
  -- DRAFT while drafted and reviewed, APPROVED once the manager approved it
  status              VARCHAR(20)   NOT NULL,
  -- raised by each approved amendment
  version             INT           NOT NULL,
  process_instance_id VARCHAR(64),
  drafted_by          VARCHAR(64)   NOT NULL,
  drafted_at          DATETIME      NOT NULL,
  reviewed_by         VARCHAR(64),
  review_opinion      VARCHAR(2000),
  reviewed_at         DATETIME,
  approved_by         VARCHAR(64),
  approved_at         DATETIME,
  CONSTRAINT uk_plan_number UNIQUE (plan_number)
) ${table_options};

CREATE TABLE rm_plan_line (
  id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id                   BIGINT        NOT NULL,
  line_no                   INT           NOT NULL,
  product_kind              VARCHAR(40)   NOT NULL,
  -- a Venue name; ASSEMBLY_COMPONENTS samples components waiting for assembly at e-bike plants
  venue                     VARCHAR(20)   NOT NULL,
  district_code             VARCHAR(6)    NOT NULL,
  batches                   INT           NOT NULL,
  lab_id                    BIGINT        NOT NULL,
  period_from               DATE          NOT NULL,
  period_to                 DATE          NOT NULL,
  -- yuan per batch
  sampling_budget_per_batch DECIMAL(12,2) NOT NULL,
  testing_budget_per_batch  DECIMAL(12,2) NOT NULL,
  cases_opened              INT           NOT NULL DEFAULT 0,
  CONSTRAINT uk_plan_line UNIQUE (plan_id, line_no),
  CONSTRAINT fk_line_plan FOREIGN KEY (plan_id) REFERENCES rm_monitoring_plan (id),
  CONSTRAINT fk_line_kind FOREIGN KEY (product_kind) REFERENCES rm_product_kind (code),
  CONSTRAINT fk_line_district FOREIGN KEY (district_code) REFERENCES rm_district (code),
  CONSTRAINT fk_line_lab FOREIGN KEY (lab_id) REFERENCES rm_lab (id),
  CONSTRAINT ck_line_batches CHECK (batches > 0),
  CONSTRAINT ck_line_period CHECK (period_from <= period_to)
) ${table_options};

-- An amendment changes one line of an approved plan (more batches, a later end) and keeps why.
CREATE TABLE rm_plan_amendment (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id            BIGINT        NOT NULL,
  line_id            BIGINT        NOT NULL,
  plan_version       INT           NOT NULL,
  batches_before     INT           NOT NULL,
  batches_after      INT           NOT NULL,
  period_to_before   DATE          NOT NULL,
  period_to_after    DATE          NOT NULL,
  reason             VARCHAR(1000) NOT NULL,
  amended_by         VARCHAR(64)   NOT NULL,
  amended_at         DATETIME      NOT NULL,
  CONSTRAINT fk_amendment_plan FOREIGN KEY (plan_id) REFERENCES rm_monitoring_plan (id),
  CONSTRAINT fk_amendment_line FOREIGN KEY (line_id) REFERENCES rm_plan_line (id)
) ${table_options};

-- A case comes from a plan line. For component sampling the batch is drawn at the assembly plant
-- (enterprise_id) and the component's labelled manufacturer, the supplier, is the responsible party.
ALTER TABLE rm_monitoring_case ADD COLUMN plan_line_id BIGINT;
ALTER TABLE rm_monitoring_case ADD COLUMN component_type VARCHAR(30);
ALTER TABLE rm_monitoring_case ADD COLUMN supplier_enterprise_id BIGINT;
ALTER TABLE rm_monitoring_case ADD CONSTRAINT fk_case_plan_line FOREIGN KEY (plan_line_id) REFERENCES rm_plan_line (id);
ALTER TABLE rm_monitoring_case ADD CONSTRAINT fk_case_supplier FOREIGN KEY (supplier_enterprise_id) REFERENCES rm_enterprise (id);
CREATE INDEX ix_case_plan_line ON rm_monitoring_case (plan_line_id);
