-- civicgrid schema v9: the camera registry (摄像机台账) — where each camera (and each of its PTZ presets) looks, and the
-- names alert sources give it (Frigate camera name, a device id). ONVIF address, credentials and health follow in v11.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub).

CREATE TABLE camera (
    id            ${auto_id},
    name          VARCHAR(100)     NOT NULL,
    frigate_name  VARCHAR(100),
    device_id     VARCHAR(100),
    lat           DOUBLE PRECISION,
    lon           DOUBLE PRECISION,
    heading       DOUBLE PRECISION,
    grid_code     VARCHAR(15),
    created_at    TIMESTAMP        NOT NULL
);
CREATE UNIQUE INDEX camera_frigate_name ON camera (frigate_name);
CREATE UNIQUE INDEX camera_device_id ON camera (device_id);

-- 预置位: a PTZ preset token and the ground position the camera looks at when it is there
CREATE TABLE camera_preset (
    id            ${auto_id},
    camera_id     BIGINT           NOT NULL REFERENCES camera (id) ON DELETE CASCADE,
    token         VARCHAR(64)      NOT NULL,
    name          VARCHAR(100),
    lat           DOUBLE PRECISION,
    lon           DOUBLE PRECISION
);
CREATE UNIQUE INDEX camera_preset_token ON camera_preset (camera_id, token);
