-- civicgrid schema v6: gazetteer (地名地址库) for the hotline desk: roads, landmarks/POIs and door addresses.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub); identity columns come from the ${auto_id} placeholder.
-- Coordinates are WGS84 decimal degrees; a road's lat/lon is its midpoint and its line is WKT LINESTRING (lon lat).
CREATE TABLE place (
    id             ${auto_id},
    kind           VARCHAR(16)   NOT NULL,
    name           VARCHAR(100)  NOT NULL,
    alias          VARCHAR(300),
    address        VARCHAR(200),
    lat            DOUBLE PRECISION NOT NULL,
    lon            DOUBLE PRECISION NOT NULL,
    line           VARCHAR(4000),
    number_from    INTEGER,
    number_to      INTEGER,
    street_code    VARCHAR(9),
    community_code VARCHAR(12),
    CHECK (kind IN ('ROAD', 'LANDMARK', 'DOOR')),
    CHECK (lat BETWEEN -90 AND 90),
    CHECK (lon BETWEEN -180 AND 180)
);
CREATE INDEX place_name ON place (kind, name);
