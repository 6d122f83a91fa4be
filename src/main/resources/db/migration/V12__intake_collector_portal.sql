-- civicgrid schema v12: the field collector (城管通) and the citizens' portal (公众门户).
-- Portable SQL for SQLite (edge) and PostgreSQL (hub).

-- 上报幂等: the reference a phone (or the portal form) generates for one upload; a retried upload finds its case
-- here instead of making a second one. kind REPORT = a new case, ANSWER = a 核实/核查 answer, SELF_HANDLE.
CREATE TABLE intake_ref (
    id            ${auto_id},
    client_ref    VARCHAR(64)   NOT NULL UNIQUE,
    kind          VARCHAR(12)   NOT NULL,
    case_id       BIGINT        NOT NULL REFERENCES case_file (id),
    staff_id      BIGINT        REFERENCES staff (id),
    position_source VARCHAR(8),
    received_at   TIMESTAMP     NOT NULL,
    CHECK (kind IN ('REPORT', 'ANSWER')),
    CHECK (position_source IS NULL OR position_source IN ('GPS', 'EXIF', 'MAP'))
);
CREATE INDEX intake_ref_case ON intake_ref (case_id);

-- 巡查轨迹: an on-duty inspector's positions, posted every few seconds by the collector
CREATE TABLE inspector_track (
    id            ${auto_id},
    staff_id      BIGINT        NOT NULL REFERENCES staff (id),
    at            TIMESTAMP     NOT NULL,
    lat           DOUBLE PRECISION NOT NULL,
    lon           DOUBLE PRECISION NOT NULL,
    accuracy_m    DOUBLE PRECISION,
    grid_code     VARCHAR(15),
    received_at   TIMESTAMP     NOT NULL,
    UNIQUE (staff_id, at)
);

-- 公众举报: what the portal keeps beside the case — moderation before anything is public, the public text, and the
-- hash of the key that lets the reporter rate the result (the key itself is shown once)
CREATE TABLE public_report (
    id            ${auto_id},
    case_id       BIGINT        NOT NULL UNIQUE REFERENCES case_file (id),
    problem_key   VARCHAR(32)   NOT NULL,
    key_hash      VARCHAR(64)   NOT NULL,
    client_hash   VARCHAR(64)   NOT NULL,
    moderation    VARCHAR(12)   NOT NULL,
    public_text   VARCHAR(1000),
    moderated_by  VARCHAR(64),
    moderated_at  TIMESTAMP,
    received_at   TIMESTAMP     NOT NULL,
    CHECK (moderation IN ('PENDING', 'PUBLISHED', 'HIDDEN'))
);
CREATE INDEX public_report_moderation ON public_report (moderation, received_at);

-- 公众评价: the reporter's rating of the result after closure, one per case (feeds external evaluation)
CREATE TABLE public_rating (
    id            ${auto_id},
    case_id       BIGINT        NOT NULL UNIQUE REFERENCES case_file (id),
    score         INTEGER       NOT NULL,
    comment       VARCHAR(1000),
    rated_at      TIMESTAMP     NOT NULL,
    CHECK (score BETWEEN 1 AND 5)
);
