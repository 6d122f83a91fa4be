-- civicgrid schema v3: the working calendar (工作日历).
-- Portable SQL for SQLite (edge) and PostgreSQL (hub); dates are ISO yyyy-MM-dd strings.
-- The working periods of a day live in site_setting under 'calendar.working-periods' (e.g. 08:00-12:00,14:00-18:00);
-- the weekend comes from configuration (civicgrid.calendar.weekend).

-- dates that differ from the plain week: statutory holidays (days off, HOLIDAY) and 调休 make-up working days
-- (weekend dates that are working days, WORKDAY)
CREATE TABLE calendar_day (
    day  VARCHAR(10)  NOT NULL PRIMARY KEY,
    kind VARCHAR(16)  NOT NULL,
    name VARCHAR(100),
    CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);

-- Seed: China's 2026 public holidays and 调休 working days as published by 国务院办公厅
-- (《国务院办公厅关于2026年部分节假日安排的通知》, 2025-11-04, text as carried by 新华社).
-- [unverified] Entered from a press reprint, not checked against the gov.cn original: the admin checks these rows on
-- /admin/calendar and enters each following year's schedule when it is published. Runs once (Flyway), so an
-- admin's later edits and deletions are never overwritten.
INSERT INTO calendar_day (day, kind, name) VALUES
    ('2026-01-01', 'HOLIDAY', '元旦'), ('2026-01-02', 'HOLIDAY', '元旦'), ('2026-01-03', 'HOLIDAY', '元旦'),
    ('2026-01-04', 'WORKDAY', '元旦'),
    ('2026-02-14', 'WORKDAY', '春节'),
    ('2026-02-15', 'HOLIDAY', '春节'), ('2026-02-16', 'HOLIDAY', '春节'), ('2026-02-17', 'HOLIDAY', '春节'),
    ('2026-02-18', 'HOLIDAY', '春节'), ('2026-02-19', 'HOLIDAY', '春节'), ('2026-02-20', 'HOLIDAY', '春节'),
    ('2026-02-21', 'HOLIDAY', '春节'), ('2026-02-22', 'HOLIDAY', '春节'), ('2026-02-23', 'HOLIDAY', '春节'),
    ('2026-02-28', 'WORKDAY', '春节'),
    ('2026-04-04', 'HOLIDAY', '清明节'), ('2026-04-05', 'HOLIDAY', '清明节'), ('2026-04-06', 'HOLIDAY', '清明节'),
    ('2026-05-01', 'HOLIDAY', '劳动节'), ('2026-05-02', 'HOLIDAY', '劳动节'), ('2026-05-03', 'HOLIDAY', '劳动节'),
    ('2026-05-04', 'HOLIDAY', '劳动节'), ('2026-05-05', 'HOLIDAY', '劳动节'),
    ('2026-05-09', 'WORKDAY', '劳动节'),
    ('2026-06-19', 'HOLIDAY', '端午节'), ('2026-06-20', 'HOLIDAY', '端午节'), ('2026-06-21', 'HOLIDAY', '端午节'),
    ('2026-09-20', 'WORKDAY', '国庆节'),
    ('2026-09-25', 'HOLIDAY', '中秋节'), ('2026-09-26', 'HOLIDAY', '中秋节'), ('2026-09-27', 'HOLIDAY', '中秋节'),
    ('2026-10-01', 'HOLIDAY', '国庆节'), ('2026-10-02', 'HOLIDAY', '国庆节'), ('2026-10-03', 'HOLIDAY', '国庆节'),
    ('2026-10-04', 'HOLIDAY', '国庆节'), ('2026-10-05', 'HOLIDAY', '国庆节'), ('2026-10-06', 'HOLIDAY', '国庆节'),
    ('2026-10-07', 'HOLIDAY', '国庆节'),
    ('2026-10-10', 'WORKDAY', '国庆节');
