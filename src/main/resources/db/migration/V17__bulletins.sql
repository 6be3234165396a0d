-- Situation-analysis bulletins (形势分析专刊) on a hot product kind over a period. The system drafts
-- the figures from our tables when the bulletin is started; they are copied here, so the bulletin
-- says what the data said that day even if cases change later. An expert writes the analysis and
-- countermeasures, a manager approves; the approved bulletin is laid out as a numbered PDF (kept
-- here with its SHA-256: a bulletin has no case, so it is not a case document) and published as a
-- BULLETIN item of the public site.
CREATE TABLE rm_bulletin (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  product_kind           VARCHAR(40)   NOT NULL,
  product_kind_name      VARCHAR(210)  NOT NULL,
  -- inclusive dates in the regulator's zone
  period_from            DATE          NOT NULL,
  period_to              DATE          NOT NULL,
  batches_sampled        INT           NOT NULL,
  batches_tested         INT           NOT NULL,
  nonconforming          INT           NOT NULL,
  -- the same figures over the period of the same length just before, for the trend
  previous_tested        INT           NOT NULL,
  previous_nonconforming INT           NOT NULL,
  -- one line per clause or category, most first: "GB 17761-2018 6.1.1 (3)"
  failed_clauses         VARCHAR(2000),
  causes                 VARCHAR(2000),
  enterprises_assisted   INT           NOT NULL,
  problems_found         INT           NOT NULL,
  problems_solved        INT           NOT NULL,
  analysis               VARCHAR(4000),
  countermeasures        VARCHAR(4000),
  -- DRAFTED -> WRITTEN -> APPROVED (PDF issued, published); a returned bulletin is DRAFTED again
  status                 VARCHAR(20)   NOT NULL,
  drafted_by             VARCHAR(64)   NOT NULL,
  drafted_at             DATETIME      NOT NULL,
  written_by             VARCHAR(64),
  return_reason          VARCHAR(1000),
  approved_by            VARCHAR(64),
  approved_at            DATETIME,
  doc_number             VARCHAR(60),
  pdf                    LONGBLOB,
  pdf_sha256             CHAR(64),
  publication_id         BIGINT,
  CONSTRAINT fk_bulletin_kind FOREIGN KEY (product_kind) REFERENCES rm_product_kind (code),
  CONSTRAINT fk_bulletin_publication FOREIGN KEY (publication_id) REFERENCES rm_publication (id)
) ${table_options};
CREATE INDEX ix_bulletin_publication ON rm_bulletin (publication_id);
