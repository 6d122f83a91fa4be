-- civicgrid schema v60: the stored 月通报 — each month's report as generated once the month has closed (or on a
-- leader's request), kept as JSON with its SHA-256, so the bulletin sent out can be shown again as it was.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub); ${auto_id} is the identity column per mode.
CREATE TABLE eval_bulletin (
    id            ${auto_id},
    period        VARCHAR(16)   NOT NULL UNIQUE,
    generated_at  TIMESTAMP     NOT NULL,
    generated_by  VARCHAR(100)  NOT NULL,
    content       TEXT          NOT NULL,
    hash          VARCHAR(64)   NOT NULL
);
