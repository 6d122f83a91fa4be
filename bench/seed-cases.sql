-- :count cases (1,000,000 by default) for the case-page bench (bench/run-cases-page.sh), written straight into a
-- demo store's SQLite file. A year of cases: 85 % closed, 3 % discarded, the rest open across the stages with
-- deadlines (some past: red); each with its history rows (流转记录: 6 for a closed case, 2 for a discarded one, 3 for an
-- open one) and one outbox event per history row (上报队列, sent upward unless the case is open), so the store's size
-- per case is what a county's is. Timestamps are epoch milliseconds as the app stores them; :now and :count are
-- replaced by the script; the site id is the one of the case the script reports through the API first.
PRAGMA foreign_keys = ON;
CREATE TEMP TABLE g AS SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, community_code, street_code FROM unit_grid;
CREATE TEMP TABLE d AS SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM department;
CREATE TEMP TABLE k AS SELECT row_number() OVER (ORDER BY ref) - 1 AS i, ref FROM case_class WHERE active = 1 AND ref IN
  ('component:0101', 'component:0102', 'component:0103', 'component:0104', 'incident:0110', 'incident:0101', 'incident:0102',
   'incident:0103', 'incident:0201', 'incident:0301');
CREATE TEMP TABLE stages(i INTEGER, stage TEXT);
INSERT INTO stages VALUES (0, 'REPORTED'), (1, 'PENDING_FILING'), (2, 'FILED'), (3, 'DISPATCHED'), (4, 'HANDLING'), (5, 'HANDLING'),
  (6, 'EXTENSION_REQUESTED'), (7, 'PENDING_CHECK'), (8, 'CHECKING'), (9, 'PENDING_CLOSE'), (10, 'SUSPENDED'), (11, 'HANDLING');
CREATE TEMP TABLE n(x INTEGER PRIMARY KEY);
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < :count) INSERT INTO n SELECT x FROM c;
BEGIN;
INSERT INTO case_file (site_id, case_number, source, class_code, description, address, lat, lon, grid_code, community_code,
  street_code, department_id, stage, stage_started_at, stage_limit, stage_deadline_at, handling_limit, handling_deadline_at,
  urged, self_handled, rework_count, history_count, created_at, closed_at, version)
SELECT (SELECT site_id FROM case_file ORDER BY id LIMIT 1),
  'B' || printf('%08d', n.x),
  CASE n.x % 7 WHEN 0 THEN 'PUBLIC' WHEN 1 THEN 'HOTLINE' WHEN 2 THEN 'CAMERA' ELSE 'INSPECTOR' END,
  k.ref,
  CASE n.x % 5 WHEN 0 THEN '路灯不亮' WHEN 1 THEN '井盖破损' WHEN 2 THEN '暴露垃圾' WHEN 3 THEN '占道经营' ELSE '绿地损坏' END || ' #' || n.x,
  '人民路 ' || (n.x % 300) || ' 号',
  35.63 + (n.x % 97) * 0.0006, 117.24 + (n.x % 89) * 0.0007,
  g.code, g.community_code, g.street_code,
  CASE WHEN n.x % 100 < 88 OR s.stage IN ('DISPATCHED', 'HANDLING', 'EXTENSION_REQUESTED', 'PENDING_CHECK', 'CHECKING', 'PENDING_CLOSE', 'SUSPENDED')
       THEN d.id END,
  CASE WHEN n.x % 100 < 85 THEN 'CLOSED' WHEN n.x % 100 < 88 THEN 'DISCARDED' ELSE s.stage END,
  :now - (:count - n.x) * (31536000000 / :count),
  CASE WHEN n.x % 100 < 88 OR s.stage = 'SUSPENDED' THEN NULL ELSE '4工作时' END,
  CASE WHEN n.x % 100 < 88 OR s.stage = 'SUSPENDED' THEN NULL
       ELSE :now + ((n.x % 13) - 4) * 3600000 END,
  '4工作时',
  CASE WHEN n.x % 100 < 88 THEN :now - (:count - n.x) * (31536000000 / :count) + 10800000 ELSE :now + ((n.x % 13) - 4) * 3600000 END,
  CASE WHEN n.x % 50 = 0 THEN 1 ELSE 0 END, 0, 0,
  CASE WHEN n.x % 100 < 85 THEN 6 WHEN n.x % 100 < 88 THEN 2 ELSE 3 END,
  :now - (:count - n.x) * (31536000000 / :count),
  CASE WHEN n.x % 100 < 85 THEN :now - (:count - n.x) * (31536000000 / :count) + 7200000 + (n.x % 5) * 3600000 END,
  0
FROM n JOIN g ON g.i = n.x % (SELECT count(*) FROM g) JOIN d ON d.i = n.x % (SELECT count(*) FROM d)
  JOIN k ON k.i = n.x % (SELECT count(*) FROM k) JOIN stages s ON s.i = n.x % 12;
COMMIT;
-- history: the path a case of its stage took (step i of 6 for a closed case; the first 2 or 3 otherwise)
CREATE TEMP TABLE steps(seq INTEGER, from_stage TEXT, to_stage TEXT, action TEXT, actor TEXT, role TEXT);
INSERT INTO steps VALUES (1, NULL, 'REPORTED', 'report', '巡查员', 'INSPECTOR'), (2, 'REPORTED', 'PENDING_FILING', 'accept', '受理员', 'ACCEPTOR'),
  (3, 'PENDING_FILING', 'FILED', 'file', '值班长', 'SHIFT_LEAD'), (4, 'FILED', 'DISPATCHED', 'dispatch', '派遣员', 'DISPATCHER'),
  (5, 'HANDLING', 'PENDING_CHECK', 'reportHandled', '处置员', 'DEPARTMENT'), (6, 'PENDING_CLOSE', 'CLOSED', 'close', '值班长', 'SHIFT_LEAD');
BEGIN;
INSERT INTO case_transition (case_id, seq, from_stage, to_stage, action, actor_name, actor_role, department_id, at, note)
SELECT c.id, s.seq, s.from_stage,
  CASE WHEN s.seq = c.history_count THEN c.stage ELSE s.to_stage END,
  CASE WHEN c.stage = 'DISCARDED' AND s.seq = 2 THEN 'discard' ELSE s.action END,
  s.actor, s.role, CASE WHEN s.seq >= 4 THEN c.department_id END,
  c.created_at + (s.seq - 1) * 1200000, CASE WHEN s.seq = 2 THEN '核实属实，予以受理' END
FROM case_file c JOIN steps s ON s.seq <= c.history_count
WHERE c.case_number LIKE 'B%';
INSERT INTO outbox_entry (event_id, site_id, case_id, seq, event_type, payload, created_at, sent_at)
SELECT printf('%08x-%04x-4000-8000-%012x', t.case_id, t.seq, t.id), c.site_id, t.case_id, t.seq, 'case.transition',
  json_object('caseNumber', c.case_number, 'seq', t.seq, 'action', t.action, 'from', t.from_stage, 'to', t.to_stage,
    'actor', t.actor_name, 'role', t.actor_role, 'at', t.at, 'classCode', c.class_code, 'gridCode', c.grid_code),
  t.at, CASE WHEN c.stage IN ('CLOSED', 'DISCARDED') THEN t.at + 5000 END
FROM case_transition t JOIN case_file c ON c.id = t.case_id
WHERE c.case_number LIKE 'B%';
COMMIT;
ANALYZE;
