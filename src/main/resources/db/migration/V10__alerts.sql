-- civicgrid schema v10: camera and drone alerts (告警) — every MQTT/ONVIF alert as received (raw payload, bounded),
-- its outcome and case; the admin-editable triage rules; evidence to fetch; 重复发案 count on the case.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub).

-- 告警记录: one row per distinct alert (idempotent on the source's own id), whatever came of it
CREATE TABLE alert_message (
    id            ${auto_id},
    source        VARCHAR(16)      NOT NULL,
    source_id     VARCHAR(200)     NOT NULL,
    topic         VARCHAR(300),
    device        VARCHAR(100),
    kind          VARCHAR(16),
    label         VARCHAR(200),
    zones         VARCHAR(300),
    confidence    DOUBLE PRECISION,
    occurred_at   TIMESTAMP,
    received_at   TIMESTAMP        NOT NULL,
    lat           DOUBLE PRECISION,
    lon           DOUBLE PRECISION,
    grid_code     VARCHAR(15),
    class_code    VARCHAR(24),
    rule_id       BIGINT,
    outcome       VARCHAR(16)      NOT NULL,
    reason        VARCHAR(500),
    case_id       BIGINT           REFERENCES case_file (id),
    payload       TEXT             NOT NULL,
    payload_bytes INTEGER          NOT NULL,
    decided_by    VARCHAR(64),
    decided_at    TIMESTAMP,
    UNIQUE (source, source_id),
    CHECK (outcome IN ('CREATED', 'MERGED', 'EVIDENCE', 'REVIEW', 'IGNORED', 'REJECTED'))
);
CREATE INDEX alert_message_received ON alert_message (received_at);
CREATE INDEX alert_message_outcome ON alert_message (outcome, received_at);
CREATE INDEX alert_message_case ON alert_message (case_id);

-- 告警规则: source/label/zone → class and 立案条件, minimum confidence, active hours, auto-file or review
CREATE TABLE alert_rule (
    id             ${auto_id},
    name           VARCHAR(100)     NOT NULL,
    priority       INTEGER          NOT NULL,
    source         VARCHAR(16),
    label          VARCHAR(100),
    zone           VARCHAR(100),
    class_code     VARCHAR(24),
    standard_id    BIGINT,
    min_confidence DOUBLE PRECISION NOT NULL,
    active_from    VARCHAR(5),
    active_to      VARCHAR(5),
    auto_file      BOOLEAN          NOT NULL,
    enabled        BOOLEAN          NOT NULL,
    updated_at     TIMESTAMP        NOT NULL,
    updated_by     VARCHAR(64)      NOT NULL
);

-- 告警证据: a snapshot to fetch (URL or camera) for a case, retried until it is stored or given up
CREATE TABLE alert_evidence (
    id            ${auto_id},
    alert_id      BIGINT           NOT NULL REFERENCES alert_message (id),
    case_id       BIGINT           NOT NULL REFERENCES case_file (id),
    url           VARCHAR(1000),
    camera_id     BIGINT,
    lat           DOUBLE PRECISION,
    lon           DOUBLE PRECISION,
    status        VARCHAR(8)       NOT NULL,
    attempts      INTEGER          NOT NULL,
    next_try_at   TIMESTAMP,
    last_error    VARCHAR(300),
    attachment_id BIGINT,
    created_at    TIMESTAMP        NOT NULL,
    CHECK (status IN ('PENDING', 'STORED', 'FAILED', 'LINK'))
);
CREATE INDEX alert_evidence_pending ON alert_evidence (status, next_try_at);
CREATE INDEX alert_evidence_case ON alert_evidence (case_id);

-- 重复发案: how many more alerts/reports were merged into this case
ALTER TABLE case_file ADD COLUMN repeat_count INTEGER NOT NULL DEFAULT 0;
