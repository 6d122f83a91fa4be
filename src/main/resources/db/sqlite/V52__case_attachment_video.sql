-- civicgrid schema v52 (issue 19, 视频片段): a case keeps a small alert clip itself, so case_attachment.kind admits
-- VIDEO beside PHOTO and AUDIO. SQLite cannot alter a CHECK constraint: the table is rebuilt the documented way
-- (https://www.sqlite.org/lang_altertable.html#otheralter) — new table, copy every row with its id, drop, rename,
-- indexes again — inside the migration's transaction. PRAGMA foreign_keys cannot change inside a transaction, so the
-- foreign key checks are deferred to the commit instead (defer_foreign_keys resets itself at the commit). No other
-- table references case_attachment and it has no triggers or views; its own reference to case_file is kept.
-- PostgreSQL alters the constraint in place (db/hub/V53).
PRAGMA defer_foreign_keys = ON;

CREATE TABLE case_attachment_v52 (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id       BIGINT        NOT NULL REFERENCES case_file (id),
    transition_seq INTEGER,
    kind          VARCHAR(8)    NOT NULL,
    content_type  VARCHAR(64)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    file_name     VARCHAR(200),
    stored_path   VARCHAR(300)  NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    uploaded_by   VARCHAR(64)   NOT NULL,
    uploaded_at   TIMESTAMP     NOT NULL,
    phase         VARCHAR(8),
    CHECK (kind IN ('PHOTO', 'AUDIO', 'VIDEO'))
);

INSERT INTO case_attachment_v52 (id, case_id, transition_seq, kind, content_type, size_bytes, file_name, stored_path, sha256,
        uploaded_by, uploaded_at, phase)
    SELECT id, case_id, transition_seq, kind, content_type, size_bytes, file_name, stored_path, sha256,
        uploaded_by, uploaded_at, phase FROM case_attachment;

-- ids are never reused: the new table continues from the old one's AUTOINCREMENT counter, also past deleted rows
DELETE FROM sqlite_sequence WHERE name = 'case_attachment_v52';
INSERT INTO sqlite_sequence (name, seq) SELECT 'case_attachment_v52', seq FROM sqlite_sequence WHERE name = 'case_attachment';

DROP TABLE case_attachment;
ALTER TABLE case_attachment_v52 RENAME TO case_attachment;
CREATE INDEX case_attachment_case ON case_attachment (case_id);
