-- civicgrid schema v53 (issue 19, 视频片段), PostgreSQL only (the hub's location, see %hub.quarkus.flyway.locations):
-- case_attachment.kind admits VIDEO beside PHOTO and AUDIO. SQLite rebuilds the table instead (db/sqlite/V52).
ALTER TABLE case_attachment DROP CONSTRAINT IF EXISTS case_attachment_kind_check;
ALTER TABLE case_attachment ADD CONSTRAINT case_attachment_kind_check CHECK (kind IN ('PHOTO', 'AUDIO', 'VIDEO'));
