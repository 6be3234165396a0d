-- Citizens' proposals for the yearly key-product catalogue ("市民定制") and the topics the
-- coordinator groups them into. A topic counts the proposals backing it: the catalogue round
-- reports how many citizens asked for each product kind.
CREATE TABLE rm_proposal_topic (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  title             VARCHAR(200)  NOT NULL,
  product_kind      VARCHAR(40)   NOT NULL,
  focus_group       VARCHAR(40)   NOT NULL,
  proposal_count    INT           NOT NULL,
  created_by        VARCHAR(64)   NOT NULL,
  created_at        DATETIME      NOT NULL,
  expert_id         VARCHAR(64),
  expert_opinion    VARCHAR(2000),
  expert_recommends BOOLEAN,
  opinion_at        DATETIME,
  -- the year's catalogue round the topic joined once the expert gave an opinion
  round_year        INT,
  joined_round_at   DATETIME,
  CONSTRAINT fk_topic_kind FOREIGN KEY (product_kind) REFERENCES rm_product_kind (code)
) ${table_options};

CREATE INDEX ix_topic_round ON rm_proposal_topic (round_year);

-- contact is for the regulator's follow-up only and is never shown on a public page
CREATE TABLE rm_proposal (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  proposal_number  VARCHAR(20),
  product          VARCHAR(100)  NOT NULL,
  place_kind       VARCHAR(20)   NOT NULL,
  place_detail     VARCHAR(200)  NOT NULL,
  concern          VARCHAR(1000) NOT NULL,
  photo            LONGBLOB,
  photo_type       VARCHAR(40),
  contact          VARCHAR(100),
  submitted_at     DATETIME      NOT NULL,
  topic_id         BIGINT,
  triaged_by       VARCHAR(64),
  triaged_at       DATETIME,
  CONSTRAINT uk_proposal_number UNIQUE (proposal_number),
  CONSTRAINT fk_proposal_topic FOREIGN KEY (topic_id) REFERENCES rm_proposal_topic (id)
) ${table_options};
