-- rm_notification becomes the mail outbox: each recorded message keeps its text and is sent by
-- whichever node claims it first, retried with back-off until the mail server takes it.
-- Times of the retry bookkeeping are the database's own clock (LOCALTIMESTAMP), so nodes with
-- clocks apart still agree on what is due and whose claim has lapsed.
ALTER TABLE rm_notification ADD COLUMN body VARCHAR(4000);
ALTER TABLE rm_notification ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE rm_notification ADD COLUMN next_attempt_at DATETIME;
ALTER TABLE rm_notification ADD COLUMN last_error VARCHAR(500);
ALTER TABLE rm_notification ADD COLUMN sent_at DATETIME;
ALTER TABLE rm_notification ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE rm_notification ADD COLUMN claimed_until DATETIME;

-- Messages recorded before this version kept only their subject: they are sent with it as their
-- text. Those that failed, or were recorded while no mail server was configured, are sent now.
UPDATE rm_notification SET body = subject WHERE body IS NULL;
UPDATE rm_notification SET status = 'PENDING' WHERE status IN ('FAILED', 'NO_MAIL_SERVER');
UPDATE rm_notification SET next_attempt_at = created_at WHERE status = 'PENDING';

-- the poller's look-up: due messages not yet sent
CREATE INDEX ix_notification_due ON rm_notification (status, next_attempt_at);
