-- civicgrid schema v7: city components (部件) and their state history.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub). Positions are WGS84 decimal degrees.
-- The id is the component identifier: legacy 16 digits (6 county + 2 + 2 class + 6 serial) or
-- GB/T 47678.5 17 digits (6 county + 2 + 3 class + 6 serial).
CREATE TABLE city_component (
    id                       VARCHAR(17)      NOT NULL PRIMARY KEY,
    code_system              VARCHAR(16)      NOT NULL,
    class_ref                VARCHAR(24)      NOT NULL REFERENCES case_class (ref),
    name                     VARCHAR(100)     NOT NULL,
    state                    VARCHAR(16)      NOT NULL,
    lat                      DOUBLE PRECISION NOT NULL,
    lon                      DOUBLE PRECISION NOT NULL,
    grid_code                VARCHAR(15),
    community_code           VARCHAR(12),
    street_code              VARCHAR(9),
    address                  VARCHAR(200),
    owner_department_id      BIGINT REFERENCES department (id),
    property_department_id   BIGINT REFERENCES department (id),
    maintainer_department_id BIGINT REFERENCES department (id),
    installed_on             DATE,
    surveyed_on              DATE,
    updated_at               TIMESTAMP        NOT NULL,
    data_source              VARCHAR(20),
    accuracy_class           CHAR(1),
    note                     VARCHAR(500),
    CHECK (code_system IN ('LEGACY', 'GBT47678')),
    CHECK (state IN ('INTACT', 'DAMAGED', 'LOST', 'ABANDONED', 'REMOVED')),
    CHECK (accuracy_class IS NULL OR accuracy_class IN ('A', 'B', 'C')),
    CHECK (lat BETWEEN -90 AND 90),
    CHECK (lon BETWEEN -180 AND 180)
);
CREATE INDEX city_component_grid ON city_component (grid_code);
CREATE INDEX city_component_class ON city_component (class_ref);
CREATE INDEX city_component_position ON city_component (lat, lon);

-- every recorded state change (e.g. 破损 found on patrol), newest last
CREATE TABLE component_state_change (
    id           ${auto_id},
    component_id VARCHAR(17)  NOT NULL REFERENCES city_component (id),
    from_state   VARCHAR(16)  NOT NULL,
    to_state     VARCHAR(16)  NOT NULL,
    changed_by   VARCHAR(64)  NOT NULL,
    changed_at   TIMESTAMP    NOT NULL,
    note         VARCHAR(500)
);
CREATE INDEX component_state_change_component ON component_state_change (component_id, changed_at);
