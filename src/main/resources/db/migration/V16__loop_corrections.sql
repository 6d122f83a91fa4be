-- civicgrid schema v16: the loop as centres run it — 督办单 as records, bounded 延期, 首接负责 path, photo phase.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub); ${auto_id} is the identity column per mode.

-- 督办: how many 督办单 a case had, whether one waits for the department's reply and whether that one went to 领导;
-- 延期: approved extensions (count and granted clock time) and whether the pending request needs 领导;
-- 首接负责制: the department that first received the case (kept after 回退)
ALTER TABLE case_file ADD COLUMN urge_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_file ADD COLUMN urge_escalated BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE case_file ADD COLUMN extension_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_file ADD COLUMN extension_total_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE case_file ADD COLUMN extension_needs_leader BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE case_file ADD COLUMN first_department_id BIGINT REFERENCES department (id);

-- 督办单: one 督办 of a case — who issued it (in which role), why, by when the department must reply, the reply
CREATE TABLE case_urge (
    id              ${auto_id},
    case_id         BIGINT        NOT NULL REFERENCES case_file (id),
    seq             INTEGER       NOT NULL,
    transition_seq  INTEGER       NOT NULL,
    issued_by_id    BIGINT        REFERENCES staff (id),
    issued_by_name  VARCHAR(100)  NOT NULL,
    issued_by_role  VARCHAR(16),
    issued_at       TIMESTAMP     NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    reply_limit     VARCHAR(24)   NOT NULL,
    reply_due_at    TIMESTAMP     NOT NULL,
    escalated       BOOLEAN       NOT NULL,
    department_id   BIGINT        REFERENCES department (id),
    reply           VARCHAR(2000),
    replied_by_name VARCHAR(100),
    replied_at      TIMESTAMP,
    UNIQUE (case_id, seq)
);
CREATE INDEX case_urge_open ON case_urge (replied_at, reply_due_at);

-- 延期限制: per class (class_ref) or for the whole site (class_ref NULL): at most max_count extensions adding up to
-- at most max_total; beyond leader_after_count extensions or leader_after_total in all, 领导 approves
CREATE TABLE extension_limit (
    id                  ${auto_id},
    class_ref           VARCHAR(24)   UNIQUE,
    max_count           INTEGER       NOT NULL,
    max_total           VARCHAR(24)   NOT NULL,
    leader_after_count  INTEGER       NOT NULL,
    leader_after_total  VARCHAR(24)   NOT NULL,
    CHECK (max_count >= 0 AND leader_after_count >= 0)
);
INSERT INTO extension_limit (class_ref, max_count, max_total, leader_after_count, leader_after_total)
    VALUES (NULL, 3, '10工作日', 2, '5工作日');

-- 处置后照片: the phase a photo was taken in when the uploader says so (AFTER for 自处理 and 处置反馈)
ALTER TABLE case_attachment ADD COLUMN phase VARCHAR(8);
