-- A site's store as the bundle of 2026-12 (migrations V1-V16) left it: one department, its staff, 30 archived cases
-- (24 closed, 6 discarded: no clock runs on them, so no scheduled job of the new app touches them) with 4-6 history
-- rows each, urges on some. Times are epoch milliseconds, as the app stores them. UpgradeTest loads it with Flyway
-- stopped at V16, then starts the current app on it. Statements are separated by ';' at line ends.
INSERT INTO department (id, code, name, kind, phone, active, version) VALUES (9001, 'up-huanwei', '升级测试环卫所', 'PROFESSIONAL', '0537-0000000', TRUE, 3);
INSERT INTO staff (id, username, display_name, password_hash, phone, department_id, active, demo, created_at, password_changed_at, version)
VALUES (9002, 'up.inspector', '老版本监督员', 'x', '13800000000', NULL, TRUE, FALSE, 1764547200000, 1764547200000, 1);
INSERT INTO staff_role (staff_id, role) VALUES (9002, 'INSPECTOR');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
INSERT INTO case_file (id, site_id, case_number, source, class_code, filing_standard_id, filing_condition, description, address, lat, lon,
    grid_code, community_code, street_code, reporter_name, reporter_phone, reported_by_id, department_id, assignee_id, stage,
    stage_started_at, stage_limit, stage_deadline_at, handling_limit, handling_deadline_at, suspended_remaining_ms, pending_extension,
    handling_started_at, urged, self_handled, duplicate_of_id, rework_count, history_count, created_at, closed_at, version,
    component_id, repeat_count, urge_count, urge_escalated, extension_count, extension_total_ms, extension_needs_leader, first_department_id)
SELECT 90000 + i, '370831', printf('UP2026%06d', i), CASE i % 3 WHEN 0 THEN 'INSPECTOR' WHEN 1 THEN 'HOTLINE' ELSE 'PUBLIC' END,
    'incident:0406', NULL, NULL, printf('升级前的案卷 %d：道路破损', i), printf('泗河路%d号', i), 35.66 + i * 0.0001, 117.27 + i * 0.0001,
    '370831001001001', '370831001001', '370831001', CASE WHEN i % 5 = 0 THEN '张三' END, CASE WHEN i % 5 = 0 THEN '13900000000' END,
    CASE WHEN i % 3 = 0 THEN 9002 END, 9001, NULL, CASE WHEN i % 5 = 4 THEN 'DISCARDED' ELSE 'CLOSED' END,
    1764547200000 + i * 3600000 + 7200000, NULL, NULL, 'H24', 1764547200000 + i * 3600000 + 86400000, NULL, NULL,
    1764547200000 + i * 3600000 + 1800000, i % 4 = 0, i % 7 = 0, NULL, i % 2, CASE WHEN i % 5 = 4 THEN 4 ELSE 6 END,
    1764547200000 + i * 3600000, 1764547200000 + i * 3600000 + 7200000, 5 + i % 3,
    NULL, i % 3, CASE WHEN i % 4 = 0 THEN 1 ELSE 0 END, FALSE, 0, 0, FALSE, 9001
FROM n;
WITH RECURSIVE s(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM s WHERE k < 6)
INSERT INTO case_transition (case_id, seq, from_stage, to_stage, action, actor_id, actor_name, actor_role, department_id, at, note)
SELECT c.id, s.k,
    CASE s.k WHEN 1 THEN NULL WHEN 2 THEN 'REPORTED' WHEN 3 THEN 'PENDING_FILING' WHEN 4 THEN 'FILED' WHEN 5 THEN 'DISPATCHED' ELSE 'PENDING_CHECK' END,
    CASE WHEN c.stage = 'DISCARDED' AND s.k = 4 THEN 'DISCARDED'
         ELSE CASE s.k WHEN 1 THEN 'REPORTED' WHEN 2 THEN 'PENDING_FILING' WHEN 3 THEN 'FILED' WHEN 4 THEN 'DISPATCHED' WHEN 5 THEN 'PENDING_CHECK' ELSE 'CLOSED' END END,
    CASE WHEN c.stage = 'DISCARDED' AND s.k = 4 THEN 'DISCARD'
         ELSE CASE s.k WHEN 1 THEN 'REPORT' WHEN 2 THEN 'ACCEPT' WHEN 3 THEN 'FILE' WHEN 4 THEN 'DISPATCH' WHEN 5 THEN 'FEEDBACK' ELSE 'CLOSE' END END,
    CASE WHEN s.k = 1 AND c.reported_by_id IS NOT NULL THEN 9002 END, CASE s.k WHEN 1 THEN '老版本监督员' ELSE '值班长' END,
    CASE s.k WHEN 1 THEN 'INSPECTOR' ELSE 'SHIFT_LEAD' END, CASE WHEN s.k >= 4 THEN 9001 END,
    c.created_at + s.k * 600000, printf('第%d步 的备注, "引号" 与逗号', s.k)
FROM case_file c JOIN s ON s.k <= c.history_count WHERE c.id BETWEEN 90001 AND 90030;
INSERT INTO case_urge (case_id, seq, transition_seq, issued_by_id, issued_by_name, issued_by_role, issued_at, reason, reply_limit,
    reply_due_at, escalated, department_id, reply, replied_by_name, replied_at)
SELECT id, 1, 4, NULL, '领导', 'LEADER', created_at + 1000, '请尽快处理', 'H24', created_at + 86400000, FALSE, 9001, '已处理', '环卫所',
    created_at + 3600000
FROM case_file WHERE id BETWEEN 90001 AND 90030 AND urge_count = 1;
