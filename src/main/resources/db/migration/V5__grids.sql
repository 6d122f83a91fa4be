-- civicgrid schema v5: unit grids (万米单元网格), work grids (工作网格) and the county boundary.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub). Geometries are WKT text in WGS84 (lon lat order).

CREATE TABLE unit_grid (
    code           VARCHAR(15)      NOT NULL PRIMARY KEY,
    name           VARCHAR(100)     NOT NULL,
    street_code    VARCHAR(9)       NOT NULL REFERENCES region (code),
    community_code VARCHAR(12)      NOT NULL REFERENCES region (code),
    geometry_wkt   TEXT             NOT NULL,
    area_m2        DOUBLE PRECISION NOT NULL,
    min_lat        DOUBLE PRECISION NOT NULL,
    min_lon        DOUBLE PRECISION NOT NULL,
    max_lat        DOUBLE PRECISION NOT NULL,
    max_lon        DOUBLE PRECISION NOT NULL,
    centre_lat     DOUBLE PRECISION NOT NULL,
    centre_lon     DOUBLE PRECISION NOT NULL,
    valid_from     DATE,
    valid_to       DATE,
    created_at     TIMESTAMP        NOT NULL
);
CREATE INDEX unit_grid_community ON unit_grid (community_code);
CREATE INDEX unit_grid_street ON unit_grid (street_code);

CREATE TABLE work_grid (
    id   ${auto_id},
    code VARCHAR(32)  NOT NULL UNIQUE,
    name VARCHAR(100) NOT NULL,
    note VARCHAR(500)
);

CREATE TABLE work_grid_unit (
    work_grid_id BIGINT      NOT NULL REFERENCES work_grid (id) ON DELETE CASCADE,
    grid_code    VARCHAR(15) NOT NULL REFERENCES unit_grid (code),
    PRIMARY KEY (work_grid_id, grid_code)
);
CREATE INDEX work_grid_unit_grid ON work_grid_unit (grid_code);

CREATE TABLE work_grid_inspector (
    work_grid_id BIGINT NOT NULL REFERENCES work_grid (id) ON DELETE CASCADE,
    staff_id     BIGINT NOT NULL REFERENCES staff (id),
    PRIMARY KEY (work_grid_id, staff_id)
);
CREATE INDEX work_grid_inspector_staff ON work_grid_inspector (staff_id);

-- the county's outer boundary (行政区域边界), WKT; null until an admin or the demo sets it
ALTER TABLE region ADD COLUMN boundary_wkt TEXT;
