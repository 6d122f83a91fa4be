-- civicgrid schema v13: the hotline desk's call log (热线来电记录) and the Open311 GeoReport v2 adapter (API keys,
-- the original record of each request). Portable SQL for SQLite (edge) and PostgreSQL (hub).

-- 来电记录: one row per call taken at /hotline, whatever came of it
CREATE TABLE hotline_call (
    id            ${auto_id},
    taken_at      TIMESTAMP     NOT NULL,
    caller_phone  VARCHAR(32),
    caller_name   VARCHAR(100),
    taker_id      BIGINT        REFERENCES staff (id),
    taker_name    VARCHAR(100)  NOT NULL,
    outcome       VARCHAR(16)   NOT NULL,
    case_id       BIGINT        REFERENCES case_file (id),
    merged_into_id BIGINT       REFERENCES case_file (id),
    note          VARCHAR(2000),
    CHECK (outcome IN ('CREATED', 'MERGED', 'INFO_ONLY'))
);
CREATE INDEX hotline_call_taken ON hotline_call (taken_at);
CREATE INDEX hotline_call_phone ON hotline_call (caller_phone);

-- Open311 API keys: only the SHA-256 of a key is kept; the key itself is shown once at creation
CREATE TABLE open311_key (
    id            ${auto_id},
    name          VARCHAR(100)  NOT NULL,
    key_hash      VARCHAR(64)   NOT NULL UNIQUE,
    key_prefix    VARCHAR(12)   NOT NULL,
    demo          BOOLEAN       NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    revoked_at    TIMESTAMP,
    last_used_at  TIMESTAMP
);

-- Open311 原始请求: what the client sent with each POST requests (the case keeps its original record)
CREATE TABLE open311_request (
    id            ${auto_id},
    case_id       BIGINT        NOT NULL UNIQUE REFERENCES case_file (id),
    token         VARCHAR(36)   NOT NULL UNIQUE,
    key_id        BIGINT        NOT NULL REFERENCES open311_key (id),
    service_code  VARCHAR(24)   NOT NULL,
    attributes    VARCHAR(2000),
    media_url     VARCHAR(1000),
    email         VARCHAR(200),
    first_name    VARCHAR(100),
    last_name     VARCHAR(100),
    phone         VARCHAR(32),
    device_id     VARCHAR(200),
    account_id    VARCHAR(200),
    address_string VARCHAR(300),
    received_at   TIMESTAMP     NOT NULL
);
