-- civicgrid schema v21: what evaluation keeps beside the history — 回访 (call-backs after 结案), manual 加分/扣分 and
-- 申诉 as signed entries (never edits of a computed value), and the frozen period snapshots, hash-chained.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub); ${auto_id} is the identity column per mode.

-- 回访: the desk calls the reporter back after 结案 and records whether they are satisfied (an unsatisfied one may
-- reopen the case through the workflow)
CREATE TABLE case_callback (
    id            ${auto_id},
    case_id       BIGINT        NOT NULL REFERENCES case_file (id),
    called_at     TIMESTAMP     NOT NULL,
    caller_id     BIGINT        REFERENCES staff (id),
    caller_name   VARCHAR(100)  NOT NULL,
    satisfied     BOOLEAN       NOT NULL,
    note          VARCHAR(2000),
    reopened      BOOLEAN       NOT NULL
);
CREATE INDEX case_callback_case ON case_callback (case_id);
CREATE INDEX case_callback_time ON case_callback (called_at);

-- 加分/扣分 and 申诉: one signed entry each, appended and never edited; a decision is another entry (decides_id)
CREATE TABLE eval_entry (
    id            ${auto_id},
    kind          VARCHAR(16)   NOT NULL,
    object_type   VARCHAR(16)   NOT NULL,
    object_key    VARCHAR(64)   NOT NULL,
    period        VARCHAR(16)   NOT NULL,
    points        DOUBLE PRECISION NOT NULL,
    case_id       BIGINT        REFERENCES case_file (id),
    reason        VARCHAR(2000) NOT NULL,
    entered_by    VARCHAR(100)  NOT NULL,
    entered_role  VARCHAR(16),
    entered_at    TIMESTAMP     NOT NULL,
    approved_by   VARCHAR(100),
    decides_id    BIGINT        REFERENCES eval_entry (id),
    CHECK (kind IN ('ADJUSTMENT', 'APPEAL', 'DECISION'))
);
CREATE INDEX eval_entry_period ON eval_entry (object_type, period);

-- 考核快照: a frozen period (month or week) of one object type: the rows as published (JSON), their hash and the
-- previous snapshot's hash (the chain proves a published ranking unchanged)
CREATE TABLE eval_snapshot (
    id            ${auto_id},
    period        VARCHAR(16)   NOT NULL,
    object_type   VARCHAR(16)   NOT NULL,
    period_from   TIMESTAMP     NOT NULL,
    period_to     TIMESTAMP     NOT NULL,
    frozen_at     TIMESTAMP     NOT NULL,
    frozen_by     VARCHAR(100)  NOT NULL,
    content       TEXT          NOT NULL,
    prev_hash     VARCHAR(64),
    hash          VARCHAR(64)   NOT NULL,
    UNIQUE (period, object_type)
);
