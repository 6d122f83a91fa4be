-- civicgrid schema v4: class catalog (部件/事件分类) in both code systems and filing standards (立案标准).
-- Portable SQL for SQLite (edge) and PostgreSQL (hub); identity columns come from the ${auto_id} placeholder.
-- Column names avoid SQL key words: system -> code_system, local -> local_extension, condition -> filing_condition,
-- match -> match_kind (MATCH is an operator in SQLite).

-- one row per class reference kind:code, e.g. component:0101 (legacy 2+2) or incident:06010 (GB/T 47678.5 2+3).
-- GB/T 47678.5 majors 01-05 are component classes (their matters "<name>异常" share the code and the row),
-- majors 06-10 are incident matters.
CREATE TABLE case_class (
    ref             VARCHAR(24)  NOT NULL PRIMARY KEY,
    code_system     VARCHAR(16)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    code            VARCHAR(8)   NOT NULL,
    major_code      VARCHAR(2)   NOT NULL,
    major_name      VARCHAR(100) NOT NULL,
    minor_code      VARCHAR(3)   NOT NULL,
    name            VARCHAR(100) NOT NULL,
    local_extension BOOLEAN      NOT NULL,
    active          BOOLEAN      NOT NULL,
    CHECK (code_system IN ('LEGACY', 'GBT47678')),
    CHECK (kind IN ('COMPONENT', 'INCIDENT'))
);
CREATE INDEX case_class_major ON case_class (code_system, kind, major_code);

-- legacy class -> GB/T 47678.5 class; one legacy class may map to several (0181 -> 06051, 06052)
CREATE TABLE class_mapping (
    legacy_ref VARCHAR(24) NOT NULL REFERENCES case_class (ref),
    gb_ref     VARCHAR(24) NOT NULL REFERENCES case_class (ref),
    match_kind VARCHAR(16) NOT NULL,
    PRIMARY KEY (legacy_ref, gb_ref),
    CHECK (match_kind IN ('exact_name', 'same_minor', 'manual'))
);
CREATE INDEX class_mapping_gb ON class_mapping (gb_ref);

-- 立案条件 -> 处置时限 per class; the unit is one of the four counting rules of the calendar
CREATE TABLE filing_standard (
    id                ${auto_id},
    class_ref         VARCHAR(24)  NOT NULL REFERENCES case_class (ref),
    filing_condition  VARCHAR(500) NOT NULL,
    limit_value       INTEGER      NOT NULL,
    limit_unit        VARCHAR(16)  NOT NULL,
    closing_condition VARCHAR(500),
    note              VARCHAR(500),
    active            BOOLEAN      NOT NULL,
    version           INTEGER      NOT NULL,
    UNIQUE (class_ref, filing_condition),
    CHECK (limit_value BETWEEN 1 AND 999),
    CHECK (limit_unit IN ('urgent_hour', 'work_hour', 'work_day', 'natural_day'))
);
