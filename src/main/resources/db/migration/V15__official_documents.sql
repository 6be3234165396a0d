-- Official documents the regulator issues on a case (result notice, risk notice, remediation order,
-- public announcement, consumer alert, closure decision): the PDF itself is a case document
-- (rm_document, with its SHA-256); this row gives it its number and, for a document served on the
-- enterprise, when and by whom its receipt was confirmed.
CREATE TABLE rm_official_document (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id      BIGINT        NOT NULL,
  kind         VARCHAR(40)   NOT NULL,
  -- the regulator's year (its time zone) and the number within the kind and year
  doc_year     INT           NOT NULL,
  doc_seq      INT           NOT NULL,
  doc_number   VARCHAR(60)   NOT NULL,
  document_id  BIGINT        NOT NULL,
  legal_basis  VARCHAR(1000) NOT NULL,
  issued_at    DATETIME      NOT NULL,
  received_by  VARCHAR(64),
  received_at  DATETIME,
  CONSTRAINT uq_official_document_number UNIQUE (kind, doc_year, doc_seq),
  CONSTRAINT fk_official_document_case FOREIGN KEY (case_id) REFERENCES rm_monitoring_case (id),
  CONSTRAINT fk_official_document_file FOREIGN KEY (document_id) REFERENCES rm_document (id)
) ${table_options};

CREATE INDEX ix_official_document_case ON rm_official_document (case_id);

-- The next number per kind and year. Issuing increments the row first (UPDATE ... next_seq + 1),
-- which locks it until the issuing transaction ends, so two nodes issuing at once get consecutive
-- numbers rather than the same one.
CREATE TABLE rm_official_document_counter (
  kind         VARCHAR(40)   NOT NULL,
  doc_year     INT           NOT NULL,
  next_seq     INT           NOT NULL,
  CONSTRAINT pk_official_document_counter PRIMARY KEY (kind, doc_year)
) ${table_options};
