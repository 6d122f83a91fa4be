-- civicgrid schema v30: upward sync (issue 15). Portable SQL for SQLite (edge) and PostgreSQL (hub).

-- edge: each outbox row gets its per-site sequence number when the relay first takes it (contiguous, never reused)
ALTER TABLE outbox_entry ADD COLUMN site_seq BIGINT;
CREATE UNIQUE INDEX outbox_entry_site_seq ON outbox_entry (site_seq);

-- edge: the relay's own state, one row (id 1)
CREATE TABLE sync_state (
    id               INTEGER      NOT NULL PRIMARY KEY,
    acked_seq        BIGINT       NOT NULL,
    last_success_at  TIMESTAMP,
    last_attempt_at  TIMESTAMP,
    last_error       VARCHAR(500),
    last_error_at    TIMESTAMP,
    failures         INTEGER      NOT NULL,
    next_attempt_at  TIMESTAMP,
    last_assignment  BIGINT       NOT NULL
);
INSERT INTO sync_state (id, acked_seq, failures, last_assignment) VALUES (1, 0, 0, 0);

-- edge: 上级交办 received from the hub, and the case each became
CREATE TABLE sync_assignment (
    assignment_id    BIGINT       NOT NULL PRIMARY KEY,
    case_id          BIGINT       NOT NULL,
    due_at           TIMESTAMP,
    received_at      TIMESTAMP    NOT NULL
);
CREATE UNIQUE INDEX sync_assignment_case ON sync_assignment (case_id);

-- hub: one row per edge site; ingest locks it (SELECT ... FOR UPDATE), so sites never wait for each other
CREATE TABLE hub_site (
    site_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name             VARCHAR(100) NOT NULL,
    token_hash       VARCHAR(64)  NOT NULL,
    acked_seq        BIGINT       NOT NULL,
    backlog          BIGINT       NOT NULL,
    events_received  BIGINT       NOT NULL,
    last_contact_at  TIMESTAMP,
    created_at       TIMESTAMP    NOT NULL
);

-- hub: every event stored once, by (site, seq) and by (site, eventId)
CREATE TABLE hub_event (
    id               ${auto_id},
    site_id          VARCHAR(64)  NOT NULL,
    seq              BIGINT       NOT NULL,
    event_id         VARCHAR(36)  NOT NULL,
    edge_case_id     BIGINT       NOT NULL,
    event_type       VARCHAR(32)  NOT NULL,
    at               TIMESTAMP    NOT NULL,
    received_at      TIMESTAMP    NOT NULL,
    UNIQUE (site_id, seq),
    UNIQUE (site_id, event_id)
);

-- hub: each edge case once, at its newest state
CREATE TABLE hub_case (
    id               ${auto_id},
    site_id          VARCHAR(64)  NOT NULL,
    edge_case_id     BIGINT       NOT NULL,
    case_number      VARCHAR(32)  NOT NULL,
    source           VARCHAR(16)  NOT NULL,
    class_code       VARCHAR(24),
    description      VARCHAR(4000) NOT NULL,
    address          VARCHAR(300),
    lat              DOUBLE PRECISION,
    lon              DOUBLE PRECISION,
    grid_code        VARCHAR(15),
    stage            VARCHAR(24)  NOT NULL,
    history_count    INTEGER      NOT NULL,
    stage_deadline_at TIMESTAMP,
    assignment_id    BIGINT,
    created_at       TIMESTAMP    NOT NULL,
    closed_at        TIMESTAMP,
    updated_at       TIMESTAMP    NOT NULL,
    UNIQUE (site_id, edge_case_id)
);
CREATE INDEX hub_case_stage ON hub_case (stage, updated_at);

-- hub: the edge's history rows, each once
CREATE TABLE hub_case_history (
    id               ${auto_id},
    site_id          VARCHAR(64)  NOT NULL,
    edge_case_id     BIGINT       NOT NULL,
    seq              INTEGER      NOT NULL,
    action           VARCHAR(24)  NOT NULL,
    from_stage       VARCHAR(24),
    to_stage         VARCHAR(24)  NOT NULL,
    actor_name       VARCHAR(100) NOT NULL,
    actor_role       VARCHAR(16),
    at               TIMESTAMP    NOT NULL,
    note             VARCHAR(2000),
    UNIQUE (site_id, edge_case_id, seq)
);

-- hub: attachments by reference; the file arrives later, content-addressed (SHA-256)
CREATE TABLE hub_attachment (
    id               ${auto_id},
    site_id          VARCHAR(64)  NOT NULL,
    edge_case_id     BIGINT       NOT NULL,
    sha256           VARCHAR(64)  NOT NULL,
    kind             VARCHAR(8)   NOT NULL,
    content_type     VARCHAR(64)  NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    transition_seq   INTEGER,
    phase            VARCHAR(16),
    UNIQUE (site_id, edge_case_id, sha256)
);
CREATE INDEX hub_attachment_sha ON hub_attachment (sha256);

CREATE TABLE hub_blob (
    sha256           VARCHAR(64)  NOT NULL PRIMARY KEY,
    size_bytes       BIGINT       NOT NULL,
    stored_path      VARCHAR(300) NOT NULL,
    received_at      TIMESTAMP    NOT NULL
);

-- hub: 上级交办, a case the hub gives a site; the site pulls it and reports its progress upward
CREATE TABLE hub_assignment (
    id               ${auto_id},
    site_id          VARCHAR(64)  NOT NULL,
    description      VARCHAR(4000) NOT NULL,
    address          VARCHAR(300),
    lat              DOUBLE PRECISION NOT NULL,
    lon              DOUBLE PRECISION NOT NULL,
    class_code       VARCHAR(24),
    due_at           TIMESTAMP    NOT NULL,
    created_by       VARCHAR(100) NOT NULL,
    created_at       TIMESTAMP    NOT NULL,
    pulled_at        TIMESTAMP,
    edge_case_id     BIGINT,
    case_number      VARCHAR(32),
    stage            VARCHAR(24),
    closed_at        TIMESTAMP
);
CREATE INDEX hub_assignment_site ON hub_assignment (site_id, id);
