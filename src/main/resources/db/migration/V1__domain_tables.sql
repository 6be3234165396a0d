-- Risk Monitor domain tables. The same script runs on H2 and on MySQL/MariaDB;
-- ${table_options} gives MySQL its engine and 4-byte character set.

CREATE TABLE rm_district (
  code        VARCHAR(6)   NOT NULL PRIMARY KEY,
  name        VARCHAR(50)  NOT NULL,
  current_code BOOLEAN     NOT NULL
) ${table_options};

CREATE TABLE rm_product_kind (
  code        VARCHAR(40)  NOT NULL PRIMARY KEY,
  name_zh     VARCHAR(100) NOT NULL,
  name_en     VARCHAR(100) NOT NULL,
  high_risk   BOOLEAN      NOT NULL
) ${table_options};

-- A standard edition applies to products made on or after effective_from until the next edition.
CREATE TABLE rm_standard_edition (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  product_kind   VARCHAR(40)  NOT NULL,
  -- editions of one family replace each other (GB 17761-2018 -> GB 17761-2024)
  standard_family VARCHAR(40) NOT NULL,
  standard_code  VARCHAR(40)  NOT NULL,
  title          VARCHAR(200) NOT NULL,
  effective_from DATE         NOT NULL,
  CONSTRAINT uk_standard_edition UNIQUE (product_kind, standard_code),
  CONSTRAINT fk_edition_kind FOREIGN KEY (product_kind) REFERENCES rm_product_kind (code)
) ${table_options};

CREATE TABLE rm_standard_item (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  edition_id  BIGINT       NOT NULL,
  item_no     INT          NOT NULL,
  clause      VARCHAR(40)  NOT NULL,
  requirement VARCHAR(500) NOT NULL,
  CONSTRAINT uk_standard_item UNIQUE (edition_id, item_no),
  CONSTRAINT fk_item_edition FOREIGN KEY (edition_id) REFERENCES rm_standard_edition (id)
) ${table_options};

CREATE TABLE rm_enterprise (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  uscc           VARCHAR(18)  NOT NULL,
  name           VARCHAR(200) NOT NULL,
  address        VARCHAR(300) NOT NULL,
  district_code  VARCHAR(6)   NOT NULL,
  industrial_cluster VARCHAR(100),
  group_id       VARCHAR(64)  NOT NULL,
  -- set when a coordinator accepted a USCC whose check character does not match
  uscc_check_overridden_by VARCHAR(64),
  created_at     DATETIME     NOT NULL,
  CONSTRAINT uk_enterprise_uscc UNIQUE (uscc),
  CONSTRAINT uk_enterprise_group UNIQUE (group_id),
  CONSTRAINT fk_enterprise_district FOREIGN KEY (district_code) REFERENCES rm_district (code)
) ${table_options};

CREATE TABLE rm_lab (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  code       VARCHAR(40)  NOT NULL,
  name       VARCHAR(200) NOT NULL,
  group_id   VARCHAR(64)  NOT NULL,
  CONSTRAINT uk_lab_code UNIQUE (code),
  CONSTRAINT uk_lab_group UNIQUE (group_id)
) ${table_options};

-- Product kinds a lab is accredited to test.
CREATE TABLE rm_lab_scope (
  lab_id       BIGINT      NOT NULL,
  product_kind VARCHAR(40) NOT NULL,
  PRIMARY KEY (lab_id, product_kind),
  CONSTRAINT fk_scope_lab FOREIGN KEY (lab_id) REFERENCES rm_lab (id),
  CONSTRAINT fk_scope_kind FOREIGN KEY (product_kind) REFERENCES rm_product_kind (code)
) ${table_options};

CREATE TABLE rm_expert (
  user_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
  name          VARCHAR(100) NOT NULL,
  district_code VARCHAR(6),
  title         VARCHAR(100)
) ${table_options};

CREATE TABLE rm_expert_specialty (
  user_id      VARCHAR(64) NOT NULL,
  product_kind VARCHAR(40) NOT NULL,
  PRIMARY KEY (user_id, product_kind),
  CONSTRAINT fk_specialty_expert FOREIGN KEY (user_id) REFERENCES rm_expert (user_id),
  CONSTRAINT fk_specialty_kind FOREIGN KEY (product_kind) REFERENCES rm_product_kind (code)
) ${table_options};

CREATE TABLE rm_monitoring_case (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  -- set right after the insert, from the generated id
  case_number         VARCHAR(20),
  process_instance_id VARCHAR(64),
  enterprise_id       BIGINT       NOT NULL,
  product_kind        VARCHAR(40)  NOT NULL,
  product_name        VARCHAR(200) NOT NULL,
  venue               VARCHAR(20)  NOT NULL,
  plan_number         VARCHAR(50)  NOT NULL,
  sampler_id          VARCHAR(64),
  lab_id              BIGINT,
  expert_id           VARCHAR(64),
  risk_level          VARCHAR(10),
  opened_by           VARCHAR(64)  NOT NULL,
  opened_at           DATETIME     NOT NULL,
  CONSTRAINT uk_case_number UNIQUE (case_number),
  CONSTRAINT fk_case_enterprise FOREIGN KEY (enterprise_id) REFERENCES rm_enterprise (id),
  CONSTRAINT fk_case_kind FOREIGN KEY (product_kind) REFERENCES rm_product_kind (code),
  CONSTRAINT fk_case_lab FOREIGN KEY (lab_id) REFERENCES rm_lab (id)
) ${table_options};
CREATE INDEX ix_case_process ON rm_monitoring_case (process_instance_id);

-- One slip per sampling round: a lab's rejection of a sample sends the case back to sampling.
CREATE TABLE rm_sampling_slip (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id                BIGINT       NOT NULL,
  purpose                VARCHAR(20)  NOT NULL,
  sampler_id             VARCHAR(64)  NOT NULL,
  second_sampler         VARCHAR(100),
  labelled_manufacturer  VARCHAR(200),
  brand                  VARCHAR(100),
  model                  VARCHAR(100),
  batch_number           VARCHAR(100) NOT NULL,
  production_date        DATE,
  ccc_certificate        VARCHAR(100),
  stock_quantity         INT,
  sampled_on             DATE         NOT NULL,
  enterprise_signatory   VARCHAR(100),
  enterprise_remark      VARCHAR(1000),
  confirmed_by           VARCHAR(64),
  confirmed_at           DATETIME,
  created_at             DATETIME     NOT NULL,
  CONSTRAINT fk_slip_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id)
) ${table_options};

CREATE TABLE rm_sample (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  slip_id      BIGINT      NOT NULL,
  role         VARCHAR(20) NOT NULL,
  seal_number  VARCHAR(50) NOT NULL,
  quantity     INT         NOT NULL,
  CONSTRAINT uk_sample_role UNIQUE (slip_id, role),
  CONSTRAINT fk_sample_slip FOREIGN KEY (slip_id) REFERENCES rm_sampling_slip (id)
) ${table_options};

CREATE TABLE rm_lab_receipt (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id          BIGINT        NOT NULL,
  sample_id        BIGINT        NOT NULL,
  lab_id           BIGINT        NOT NULL,
  accepted         BOOLEAN       NOT NULL,
  sample_condition VARCHAR(500)  NOT NULL,
  received_on      DATE          NOT NULL,
  rejection_reason VARCHAR(1000),
  received_by      VARCHAR(64)   NOT NULL,
  recorded_at      DATETIME      NOT NULL,
  CONSTRAINT fk_receipt_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id),
  CONSTRAINT fk_receipt_sample FOREIGN KEY (sample_id) REFERENCES rm_sample (id),
  CONSTRAINT fk_receipt_lab FOREIGN KEY (lab_id) REFERENCES rm_lab (id)
) ${table_options};

-- A report returned by its reviewer is superseded by the tester's next version.
CREATE TABLE rm_test_report (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id        BIGINT       NOT NULL,
  receipt_id     BIGINT       NOT NULL,
  lab_id         BIGINT       NOT NULL,
  purpose        VARCHAR(20)  NOT NULL,
  report_number  VARCHAR(50)  NOT NULL,
  tested_on      DATE         NOT NULL,
  tested_by      VARCHAR(64)  NOT NULL,
  conforming     BOOLEAN      NOT NULL,
  status         VARCHAR(20)  NOT NULL,
  reviewed_by    VARCHAR(64),
  reviewed_at    DATETIME,
  review_comment VARCHAR(1000),
  created_at     DATETIME     NOT NULL,
  CONSTRAINT fk_report_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id),
  CONSTRAINT fk_report_receipt FOREIGN KEY (receipt_id) REFERENCES rm_lab_receipt (id),
  CONSTRAINT fk_report_lab FOREIGN KEY (lab_id) REFERENCES rm_lab (id)
) ${table_options};

CREATE TABLE rm_test_item (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  report_id      BIGINT       NOT NULL,
  item_no        INT          NOT NULL,
  standard_code  VARCHAR(40)  NOT NULL,
  clause         VARCHAR(40)  NOT NULL,
  requirement    VARCHAR(500) NOT NULL,
  measured_value VARCHAR(200) NOT NULL,
  passed         BOOLEAN      NOT NULL,
  CONSTRAINT uk_test_item UNIQUE (report_id, item_no),
  CONSTRAINT fk_item_report FOREIGN KEY (report_id) REFERENCES rm_test_report (id)
) ${table_options};

CREATE TABLE rm_result_notice (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id       BIGINT      NOT NULL,
  report_id     BIGINT      NOT NULL,
  conforming    BOOLEAN     NOT NULL,
  issued_at     DATETIME    NOT NULL,
  objection_deadline DATETIME,
  CONSTRAINT fk_notice_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id),
  CONSTRAINT fk_notice_report FOREIGN KEY (report_id) REFERENCES rm_test_report (id)
) ${table_options};

CREATE TABLE rm_objection (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id          BIGINT        NOT NULL,
  notice_id        BIGINT        NOT NULL,
  raised           BOOLEAN       NOT NULL,
  grounds          VARCHAR(4000),
  responded_by     VARCHAR(64),
  responded_at     DATETIME      NOT NULL,
  decision         VARCHAR(20),
  decision_reason  VARCHAR(2000),
  decided_by       VARCHAR(64),
  decided_at       DATETIME,
  retest_lab_id    BIGINT,
  retest_report_id BIGINT,
  outcome          VARCHAR(20),
  CONSTRAINT uk_objection_notice UNIQUE (notice_id),
  CONSTRAINT fk_objection_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id),
  CONSTRAINT fk_objection_notice FOREIGN KEY (notice_id) REFERENCES rm_result_notice (id),
  CONSTRAINT fk_objection_lab FOREIGN KEY (retest_lab_id) REFERENCES rm_lab (id)
) ${table_options};

CREATE TABLE rm_risk_assessment (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id     BIGINT      NOT NULL,
  assessed_by VARCHAR(64) NOT NULL,
  assessed_at DATETIME    NOT NULL,
  risk_level  VARCHAR(10),
  CONSTRAINT fk_assessment_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id)
) ${table_options};

CREATE TABLE rm_risk_scenario (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  assessment_id     BIGINT        NOT NULL,
  scenario_no       INT           NOT NULL,
  description       VARCHAR(2000) NOT NULL,
  severity          INT           NOT NULL,
  step_probabilities VARCHAR(500) NOT NULL,
  probability       DOUBLE        NOT NULL,
  risk_level        VARCHAR(10),
  CONSTRAINT uk_scenario UNIQUE (assessment_id, scenario_no),
  CONSTRAINT fk_scenario_assessment FOREIGN KEY (assessment_id) REFERENCES rm_risk_assessment (id)
) ${table_options};

CREATE TABLE rm_cause (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id      BIGINT        NOT NULL,
  category     VARCHAR(30)   NOT NULL,
  description  VARCHAR(2000) NOT NULL,
  severity     VARCHAR(10)   NOT NULL,
  analysed_by  VARCHAR(64)   NOT NULL,
  analysed_at  DATETIME      NOT NULL,
  CONSTRAINT fk_cause_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id)
) ${table_options};

CREATE TABLE rm_cause_analysis (
  case_id               BIGINT        NOT NULL PRIMARY KEY,
  spot_check_comparison VARCHAR(4000) NOT NULL,
  analysed_by           VARCHAR(64)   NOT NULL,
  analysed_at           DATETIME      NOT NULL,
  CONSTRAINT fk_analysis_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id)
) ${table_options};

-- Measures taken in response to the risk (Safety Gate style): alert, notice, referrals.
CREATE TABLE rm_risk_measure (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id     BIGINT        NOT NULL,
  kind        VARCHAR(30)   NOT NULL,
  status      VARCHAR(20)   NOT NULL,
  title       VARCHAR(200),
  content     VARCHAR(4000),
  reference   VARCHAR(100),
  recorded_by VARCHAR(64),
  recorded_at DATETIME      NOT NULL,
  decided_by  VARCHAR(64),
  decided_at  DATETIME,
  decision_comment VARCHAR(1000),
  CONSTRAINT fk_measure_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id)
) ${table_options};

CREATE TABLE rm_assistance_visit (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id           BIGINT        NOT NULL,
  lead_expert_id    VARCHAR(64)   NOT NULL,
  second_expert_id  VARCHAR(64),
  planned_on        DATE          NOT NULL,
  visited_on        DATE,
  summary           VARCHAR(4000),
  planned_by        VARCHAR(64)   NOT NULL,
  recorded_at       DATETIME,
  CONSTRAINT fk_visit_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id)
) ${table_options};

CREATE TABLE rm_meeting (
  id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  visit_id  BIGINT       NOT NULL,
  kind      VARCHAR(20)  NOT NULL,
  topic     VARCHAR(200) NOT NULL,
  held_on   DATE         NOT NULL,
  CONSTRAINT fk_meeting_visit FOREIGN KEY (visit_id) REFERENCES rm_assistance_visit (id)
) ${table_options};

CREATE TABLE rm_meeting_attendee (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  meeting_id   BIGINT       NOT NULL,
  name         VARCHAR(100) NOT NULL,
  organisation VARCHAR(200) NOT NULL,
  CONSTRAINT fk_attendee_meeting FOREIGN KEY (meeting_id) REFERENCES rm_meeting (id)
) ${table_options};

CREATE TABLE rm_problem (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id     BIGINT        NOT NULL,
  visit_id    BIGINT        NOT NULL,
  description VARCHAR(2000) NOT NULL,
  found_on    DATE          NOT NULL,
  solved_on   DATE,
  verified_by VARCHAR(64),
  CONSTRAINT fk_problem_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id),
  CONSTRAINT fk_problem_visit FOREIGN KEY (visit_id) REFERENCES rm_assistance_visit (id)
) ${table_options};

CREATE TABLE rm_remediation (
  case_id                 BIGINT        NOT NULL PRIMARY KEY,
  ordered_at              DATETIME      NOT NULL,
  correction_deadline     DATETIME      NOT NULL,
  reinspection_deadline   DATETIME      NOT NULL,
  stop_sale_confirmed     BOOLEAN,
  plan                    VARCHAR(4000),
  planned_completion_date DATE,
  plan_submitted_by       VARCHAR(64),
  plan_submitted_at       DATETIME,
  CONSTRAINT fk_remediation_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id)
) ${table_options};

CREATE TABLE rm_remediation_evidence (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id              BIGINT        NOT NULL,
  corrective_actions   VARCHAR(300)  NOT NULL,
  description          VARCHAR(4000) NOT NULL,
  submitted_by         VARCHAR(64)   NOT NULL,
  submitted_at         DATETIME      NOT NULL,
  verdict              VARCHAR(20),
  verification_comment VARCHAR(2000),
  verified_by          VARCHAR(64),
  verified_at          DATETIME,
  CONSTRAINT fk_evidence_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id)
) ${table_options};

CREATE TABLE rm_case_closure (
  case_id     BIGINT        NOT NULL PRIMARY KEY,
  outcome     VARCHAR(20)   NOT NULL,
  list_entry  VARCHAR(10)   NOT NULL,
  summary     VARCHAR(4000) NOT NULL,
  closed_by   VARCHAR(64)   NOT NULL,
  closed_at   DATETIME      NOT NULL,
  CONSTRAINT fk_closure_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id)
) ${table_options};

-- Documents of a case: notices the system issues, files users attach. Content is kept here
-- (or in a configured directory later); the SHA-256 proves it unchanged.
CREATE TABLE rm_document (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id      BIGINT        NOT NULL,
  kind         VARCHAR(40)   NOT NULL,
  file_name    VARCHAR(255)  NOT NULL,
  content_type VARCHAR(100)  NOT NULL,
  size_bytes   BIGINT        NOT NULL,
  sha256       CHAR(64)      NOT NULL,
  content      LONGBLOB,
  created_by   VARCHAR(64)   NOT NULL,
  created_at   DATETIME      NOT NULL,
  CONSTRAINT fk_document_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id)
) ${table_options};
CREATE INDEX ix_document_case ON rm_document (case_id);
