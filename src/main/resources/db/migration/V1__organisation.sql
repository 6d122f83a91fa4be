-- civicgrid schema v1: organisation, sign-in and site settings.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub): the only vendor difference, the identity column, comes
-- from the Flyway placeholder ${auto_id} set per mode in application.properties.

CREATE TABLE site_setting (
    setting_key   VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL,
    updated_at    TIMESTAMP     NOT NULL
);

-- county (6-digit GB/T 2260) -> street/town (+3) -> community/village (+3)
CREATE TABLE region (
    code        VARCHAR(12)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    region_level VARCHAR(16) NOT NULL,
    parent_code VARCHAR(12)  REFERENCES region (code),
    CHECK (region_level IN ('COUNTY', 'STREET', 'COMMUNITY'))
);
CREATE INDEX region_parent ON region (parent_code);

CREATE TABLE department (
    id        ${auto_id},
    code      VARCHAR(32)  NOT NULL UNIQUE,
    name      VARCHAR(100) NOT NULL,
    kind      VARCHAR(16)  NOT NULL,
    phone     VARCHAR(32),
    active    BOOLEAN      NOT NULL,
    version   INTEGER      NOT NULL,
    CHECK (kind IN ('PROFESSIONAL', 'STREET_OFFICE'))
);

-- the classes a department owns, as kind:code (component:0101, incident:06010; legacy 2+2 or GB/T 47678.5 2+3)
CREATE TABLE department_class (
    department_id BIGINT      NOT NULL REFERENCES department (id) ON DELETE CASCADE,
    class_code    VARCHAR(24) NOT NULL,
    PRIMARY KEY (department_id, class_code)
);

-- the streets/communities a department answers for; none means the whole county
CREATE TABLE department_area (
    department_id BIGINT      NOT NULL REFERENCES department (id) ON DELETE CASCADE,
    region_code   VARCHAR(12) NOT NULL REFERENCES region (code),
    PRIMARY KEY (department_id, region_code)
);

CREATE TABLE staff (
    id                  ${auto_id},
    username            VARCHAR(32)  NOT NULL UNIQUE,
    display_name        VARCHAR(100) NOT NULL,
    password_hash       VARCHAR(100) NOT NULL,
    phone               VARCHAR(32),
    department_id       BIGINT       REFERENCES department (id),
    active              BOOLEAN      NOT NULL,
    demo                BOOLEAN      NOT NULL,
    created_at          TIMESTAMP    NOT NULL,
    password_changed_at TIMESTAMP    NOT NULL,
    version             INTEGER      NOT NULL
);
CREATE INDEX staff_department ON staff (department_id);

CREATE TABLE staff_role (
    staff_id BIGINT      NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    role     VARCHAR(16) NOT NULL,
    PRIMARY KEY (staff_id, role),
    CHECK (role IN ('INSPECTOR', 'ACCEPTOR', 'SHIFT_LEAD', 'DISPATCHER', 'DEPARTMENT', 'LEADER', 'ADMIN'))
);

-- sign-in audit: failures, lockouts and interactive sign-ins
CREATE TABLE sign_in_log (
    id             ${auto_id},
    at             TIMESTAMP   NOT NULL,
    username       VARCHAR(64) NOT NULL,
    remote_address VARCHAR(64),
    outcome        VARCHAR(16) NOT NULL
);
CREATE INDEX sign_in_log_at ON sign_in_log (at);
