-- civicgrid schema v8: the routing table (派遣规则: class × area → department) and the component a case is about.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub).

CREATE TABLE routing_rule (
    id            ${auto_id},
    class_ref     VARCHAR(24),
    area_code     VARCHAR(15),
    department_id BIGINT       NOT NULL REFERENCES department (id),
    note          VARCHAR(500),
    created_at    TIMESTAMP    NOT NULL
);
CREATE INDEX routing_rule_class ON routing_rule (class_ref);

-- 部件标识码 (16 legacy / 17 GB/T 47678.5 digits) when the case is about one component
ALTER TABLE case_file ADD COLUMN component_id VARCHAR(17);
