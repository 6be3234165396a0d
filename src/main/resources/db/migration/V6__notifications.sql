-- Every message sent about a task: one per task, kind and recipient, so a restart or a timer
-- that fires again never sends the same message twice.
CREATE TABLE rm_notification (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  task_id     VARCHAR(64)   NOT NULL,
  kind        VARCHAR(30)   NOT NULL,
  recipient   VARCHAR(64)   NOT NULL,
  address     VARCHAR(200),
  subject     VARCHAR(300)  NOT NULL,
  status      VARCHAR(20)   NOT NULL,
  created_at  DATETIME      NOT NULL,
  CONSTRAINT uk_notification UNIQUE (task_id, kind, recipient)
) ${table_options};
