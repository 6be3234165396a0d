-- The yearly key-product catalogue ("市民定制"): one round per year collects the citizens'
-- proposals from opens_on to closes_on; then the catalogue is drafted, reviewed and approved.
-- status: OPEN while proposals come in, CLOSED once the close date has passed, ENDED with the year.
CREATE TABLE rm_catalogue_round (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  round_year          INT           NOT NULL,
  opens_on            DATE          NOT NULL,
  closes_on           DATE          NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  process_instance_id VARCHAR(64),
  opened_by           VARCHAR(64)   NOT NULL,
  opened_at           DATETIME      NOT NULL,
  closed_at           DATETIME,
  CONSTRAINT uk_catalogue_round_year UNIQUE (round_year)
) ${table_options};

-- A version of the year's catalogue. DRAFT while the coordinator drafts it (again after a send-back
-- or a return), IN_REVIEW with the experts, AWAITING_APPROVAL with the manager, APPROVED for good:
-- an approved version is never changed; a revision is a new version, and the newest approved one
-- is the catalogue in force.
CREATE TABLE rm_catalogue_version (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  round_id            BIGINT        NOT NULL,
  round_year          INT           NOT NULL,
  version_no          INT           NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  -- why version 2 and later were drafted
  revision_reason     VARCHAR(1000),
  revision_requested_by VARCHAR(64),
  created_at          DATETIME      NOT NULL,
  drafted_by          VARCHAR(64),
  drafted_at          DATETIME,
  reviewed_by         VARCHAR(64),
  reviewed_at         DATETIME,
  review_opinion      VARCHAR(2000),
  expert_agrees       BOOLEAN,
  approved_by         VARCHAR(64),
  approved_at         DATETIME,
  manager_comment     VARCHAR(1000),
  CONSTRAINT uk_catalogue_version UNIQUE (round_year, version_no),
  CONSTRAINT fk_catalogue_version_round FOREIGN KEY (round_id) REFERENCES rm_catalogue_round (id)
) ${table_options};

CREATE INDEX ix_catalogue_version_status ON rm_catalogue_version (round_year, status);

-- The product kinds of one version, with the focus group, why the kind is in, its risks and how
-- many citizens' proposals backed it (the round's recommended topics of that kind).
CREATE TABLE rm_catalogue_kind (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  version_id          BIGINT        NOT NULL,
  line_no             INT           NOT NULL,
  product_kind        VARCHAR(40)   NOT NULL,
  focus_group         VARCHAR(40)   NOT NULL,
  risk_reasons        VARCHAR(1000) NOT NULL,
  inclusion_reason    VARCHAR(1000) NOT NULL,
  backing_proposals   INT           NOT NULL,
  CONSTRAINT uk_catalogue_kind UNIQUE (version_id, product_kind),
  CONSTRAINT fk_catalogue_kind_version FOREIGN KEY (version_id) REFERENCES rm_catalogue_version (id),
  CONSTRAINT fk_catalogue_kind_kind FOREIGN KEY (product_kind) REFERENCES rm_product_kind (code)
) ${table_options};
