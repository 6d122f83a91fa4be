-- civicgrid schema v11: ONVIF cameras (视频监控) — how the box reaches each camera (device service address,
-- credentials sealed by appliance.SecretBox: never clear text), what it found there (media profile, RTSP and snapshot
-- URIs, device facts), whether it answers (health), and the recent events it raised.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub).

ALTER TABLE camera ADD COLUMN onvif_address VARCHAR(300);
ALTER TABLE camera ADD COLUMN username_sealed VARCHAR(500);
ALTER TABLE camera ADD COLUMN password_sealed VARCHAR(500);
ALTER TABLE camera ADD COLUMN profile_token VARCHAR(64);
ALTER TABLE camera ADD COLUMN stream_uri VARCHAR(1000);
ALTER TABLE camera ADD COLUMN snapshot_uri VARCHAR(1000);
ALTER TABLE camera ADD COLUMN encoding VARCHAR(20);
ALTER TABLE camera ADD COLUMN manufacturer VARCHAR(100);
ALTER TABLE camera ADD COLUMN model VARCHAR(100);
ALTER TABLE camera ADD COLUMN firmware VARCHAR(100);
ALTER TABLE camera ADD COLUMN serial_number VARCHAR(100);
ALTER TABLE camera ADD COLUMN ptz BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE camera ADD COLUMN events_enabled BOOLEAN NOT NULL DEFAULT TRUE;
-- 健康状态: UNKNOWN (never checked / no ONVIF address), UP, DOWN (does not answer), REFUSED (wrong credentials)
ALTER TABLE camera ADD COLUMN health VARCHAR(10) NOT NULL DEFAULT 'UNKNOWN';
ALTER TABLE camera ADD COLUMN health_message VARCHAR(300);
ALTER TABLE camera ADD COLUMN last_seen_at TIMESTAMP;
ALTER TABLE camera ADD COLUMN checked_at TIMESTAMP;

-- 摄像机事件: the camera's own ONVIF notifications as received (kept for the camera page; the alert triage has its own)
CREATE TABLE camera_event (
    id            ${auto_id},
    camera_id     BIGINT           NOT NULL REFERENCES camera (id) ON DELETE CASCADE,
    topic         VARCHAR(200)     NOT NULL,
    occurred_at   TIMESTAMP        NOT NULL,
    active        BOOLEAN          NOT NULL,
    details       VARCHAR(1000),
    received_at   TIMESTAMP        NOT NULL
);
CREATE INDEX camera_event_recent ON camera_event (camera_id, received_at);
