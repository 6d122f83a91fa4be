-- civicgrid schema v33 (issue 15): attachments go up on their own. The relay gives every attachment one outbox event
-- (attachment.added) — a photo added without a transition would otherwise wait for the case's next event — and
-- remembers the last attachment id it announced. 0: a box upgraded to this version announces its attachments once.
ALTER TABLE sync_state ADD COLUMN attachment_cursor BIGINT NOT NULL DEFAULT 0;
