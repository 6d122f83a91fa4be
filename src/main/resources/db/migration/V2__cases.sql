-- civicgrid schema v2: the case loop (案卷, history, attachments) and the upward-sync outbox.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub); ${auto_id} is the identity column per mode.

CREATE TABLE case_file (
    id                  ${auto_id},
    site_id             VARCHAR(64)   NOT NULL,
    case_number         VARCHAR(32)   NOT NULL,
    source              VARCHAR(16)   NOT NULL,
    class_code          VARCHAR(24),
    filing_standard_id  BIGINT,
    filing_condition    VARCHAR(500),
    description         VARCHAR(4000) NOT NULL,
    address             VARCHAR(300),
    lat                 DOUBLE PRECISION,
    lon                 DOUBLE PRECISION,
    grid_code           VARCHAR(15),
    community_code      VARCHAR(12),
    street_code         VARCHAR(9),
    reporter_name       VARCHAR(100),
    reporter_phone      VARCHAR(32),
    reported_by_id      BIGINT        REFERENCES staff (id),
    department_id       BIGINT        REFERENCES department (id),
    assignee_id         BIGINT        REFERENCES staff (id),
    stage               VARCHAR(24)   NOT NULL,
    stage_started_at    TIMESTAMP     NOT NULL,
    stage_limit         VARCHAR(24),
    stage_deadline_at   TIMESTAMP,
    handling_limit      VARCHAR(24),
    handling_deadline_at TIMESTAMP,
    suspended_remaining_ms BIGINT,
    pending_extension   VARCHAR(24),
    handling_started_at TIMESTAMP,
    urged               BOOLEAN       NOT NULL,
    self_handled        BOOLEAN       NOT NULL,
    duplicate_of_id     BIGINT        REFERENCES case_file (id),
    rework_count        INTEGER       NOT NULL,
    history_count       INTEGER       NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    closed_at           TIMESTAMP,
    version             INTEGER       NOT NULL,
    UNIQUE (site_id, case_number)
);
CREATE INDEX case_file_stage ON case_file (stage, stage_deadline_at);
CREATE INDEX case_file_department ON case_file (department_id, stage);
CREATE INDEX case_file_class_time ON case_file (class_code, created_at);
CREATE INDEX case_file_created ON case_file (created_at);

-- 流转记录: one row per action, never updated or deleted
CREATE TABLE case_transition (
    id            ${auto_id},
    case_id       BIGINT        NOT NULL REFERENCES case_file (id),
    seq           INTEGER       NOT NULL,
    from_stage    VARCHAR(24),
    to_stage      VARCHAR(24)   NOT NULL,
    action        VARCHAR(24)   NOT NULL,
    actor_id      BIGINT        REFERENCES staff (id),
    actor_name    VARCHAR(100)  NOT NULL,
    actor_role    VARCHAR(16),
    department_id BIGINT,
    at            TIMESTAMP     NOT NULL,
    note          VARCHAR(2000),
    UNIQUE (case_id, seq)
);

CREATE TABLE case_attachment (
    id            ${auto_id},
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
    CHECK (kind IN ('PHOTO', 'AUDIO'))
);
CREATE INDEX case_attachment_case ON case_attachment (case_id);

-- 上报队列: written in the same transaction as each transition, relayed upward in id order
CREATE TABLE outbox_entry (
    id          ${auto_id},
    event_id    VARCHAR(36)   NOT NULL UNIQUE,
    site_id     VARCHAR(64)   NOT NULL,
    case_id     BIGINT        NOT NULL,
    seq         INTEGER       NOT NULL,
    event_type  VARCHAR(32)   NOT NULL,
    payload     VARCHAR(8000) NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    sent_at     TIMESTAMP
);
CREATE INDEX outbox_entry_unsent ON outbox_entry (sent_at, id);
