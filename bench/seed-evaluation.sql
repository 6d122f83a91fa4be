-- 1,000,000 cases with their full history for the evaluation bench (bench/run-evaluation.sh), written straight into a
-- demo store's SQLite file: three years up to :now, about 11 history rows a case (report, accept, file, dispatch with
-- its evaluation deadline, signFor, reportHandled, sendToCheck, verify, close) and the variants evaluation must read:
-- 回退 and re-dispatch (1 in 33), 延期 (1 in 25), 挂账 (1 in 50, half still suspended), 返工 (1 in 20); the newest 1 %
-- still open; and their evaluation facts (case_eval_fact) as V23 builds them. Timestamps are epoch milliseconds as the app stores them; :now is replaced by the script.
PRAGMA foreign_keys = OFF;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -200000;
CREATE TEMP TABLE g AS SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, community_code, street_code FROM unit_grid;
CREATE TEMP TABLE d AS SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM department;
CREATE TEMP TABLE k AS SELECT row_number() OVER (ORDER BY ref) - 1 AS i, ref FROM case_class WHERE active = 1 AND ref IN
  ('component:0101', 'component:0102', 'component:0103', 'component:0104', 'incident:0110', 'incident:0101', 'incident:0102',
   'incident:0103', 'incident:0201', 'incident:0301');
CREATE TEMP TABLE who AS SELECT
  (SELECT id FROM staff WHERE username = 'inspector') AS inspector, (SELECT id FROM staff WHERE username = 'inspector2') AS inspector2,
  (SELECT id FROM staff WHERE username = 'acceptor') AS acceptor, (SELECT id FROM staff WHERE username = 'shiftlead') AS shiftlead,
  (SELECT id FROM staff WHERE username = 'dispatcher') AS dispatcher, (SELECT id FROM staff WHERE username = 'shizheng') AS dept;
-- one row per case: n, its id, created time c, department, grid, class, handled after h ms, variants
CREATE TEMP TABLE n AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 1000000)
  SELECT x AS n, x + 100 AS id, :now - (1000000 - x) * 94608 AS c, x % 33 = 0 AS ret, x % 25 = 0 AS ext, x % 50 = 0 AS sus,
         x % 100 = 0 AS still, x % 20 = 0 AS rew, x > 990000 AS open, (x % 7 + 1) * 3600000 AS h FROM r;
BEGIN;
INSERT INTO case_file (id, site_id, case_number, source, class_code, description, address, lat, lon, grid_code, community_code,
  street_code, department_id, stage, stage_started_at, handling_limit, urged, self_handled, rework_count, history_count, created_at,
  closed_at, version)
SELECT n.id, (SELECT site_id FROM case_file ORDER BY id LIMIT 1), 'E' || printf('%08d', n.n),
  CASE n.n % 7 WHEN 0 THEN 'PUBLIC' WHEN 1 THEN 'HOTLINE' WHEN 2 THEN 'CAMERA' ELSE 'INSPECTOR' END, k.ref, '评价压测 #' || n.n,
  '人民路 ' || (n.n % 300) || ' 号', 35.63 + (n.n % 97) * 0.0006, 117.24 + (n.n % 89) * 0.0007, g.code, g.community_code, g.street_code,
  d.id, CASE WHEN n.open THEN 'HANDLING' WHEN n.still THEN 'SUSPENDED' ELSE 'CLOSED' END, n.c, '4工作时', 0, 0, n.rew, 20, n.c,
  CASE WHEN n.open OR n.still THEN NULL ELSE n.c + n.h + 1800000 + n.sus * 86400000 END, 0
FROM n JOIN g ON g.i = n.n % (SELECT count(*) FROM g) JOIN d ON d.i = n.n % (SELECT count(*) FROM d)
  JOIN k ON k.i = n.n % (SELECT count(*) FROM k);
-- the history: slot = seq; (id, seq, action, at, actor, department, due_at, stage_due_at, from, to)
INSERT INTO case_transition (case_id, seq, from_stage, to_stage, action, actor_id, actor_name, actor_role, department_id, at, due_at, stage_due_at)
SELECT n.id, 1, NULL, 'REPORTED', 'report', CASE n.n % 2 WHEN 0 THEN who.inspector ELSE who.inspector2 END, 'bench', 'INSPECTOR', NULL, n.c, NULL, NULL FROM n, who
UNION ALL SELECT n.id, 2, 'REPORTED', 'PENDING_FILING', 'accept', who.acceptor, 'bench', 'ACCEPTOR', NULL, n.c + 300000, NULL, n.c + 3600000 FROM n, who
UNION ALL SELECT n.id, 3, 'PENDING_FILING', 'FILED', 'file', who.shiftlead, 'bench', 'SHIFT_LEAD', NULL, n.c + 600000, NULL, n.c + 2100000 FROM n, who;
INSERT INTO case_transition (case_id, seq, from_stage, to_stage, action, actor_id, actor_name, actor_role, department_id, at, due_at, stage_due_at)
SELECT n.id, 4, 'FILED', 'DISPATCHED', 'dispatch', who.dispatcher, 'bench', 'DISPATCHER', cf.department_id % 11 + 1, n.c + 900000, n.c + 900000 + 14400000, n.c + 2400000
  FROM n JOIN case_file cf ON cf.id = n.id, who WHERE n.ret
UNION ALL SELECT n.id, 5, 'DISPATCHED', 'RETURN_REQUESTED', 'requestReturn', who.dept, 'bench', 'DEPARTMENT', cf.department_id % 11 + 1, n.c + 1200000, NULL, NULL
  FROM n JOIN case_file cf ON cf.id = n.id, who WHERE n.ret
UNION ALL SELECT n.id, 6, 'RETURN_REQUESTED', 'FILED', 'approveReturn', who.dispatcher, 'bench', 'DISPATCHER', cf.department_id % 11 + 1, n.c + 1500000, NULL, NULL
  FROM n JOIN case_file cf ON cf.id = n.id, who WHERE n.ret
UNION ALL SELECT n.id, 7, 'FILED', 'DISPATCHED', 'dispatch', who.dispatcher, 'bench', 'DISPATCHER', cf.department_id, n.c + 1800000,
  CASE WHEN n.ret THEN NULL ELSE n.c + 1800000 + 14400000 END, n.c + 2400000 FROM n JOIN case_file cf ON cf.id = n.id, who
UNION ALL SELECT n.id, 8, 'DISPATCHED', 'HANDLING', 'signFor', who.dept, 'bench', 'DEPARTMENT', cf.department_id, n.c + 2100000, NULL, NULL
  FROM n JOIN case_file cf ON cf.id = n.id, who;
INSERT INTO case_transition (case_id, seq, from_stage, to_stage, action, actor_id, actor_name, actor_role, department_id, at, due_at, stage_due_at)
SELECT n.id, 9, 'HANDLING', 'EXTENSION_REQUESTED', 'requestExtension', who.dept, 'bench', 'DEPARTMENT', cf.department_id, n.c + 2400000, NULL, NULL
  FROM n JOIN case_file cf ON cf.id = n.id, who WHERE n.ext
UNION ALL SELECT n.id, 10, 'EXTENSION_REQUESTED', 'HANDLING', 'approveExtension', who.dispatcher, 'bench', 'DISPATCHER', cf.department_id, n.c + 2700000,
  n.c + (CASE WHEN n.ret THEN 900000 ELSE 1800000 END) + 28800000, NULL FROM n JOIN case_file cf ON cf.id = n.id, who WHERE n.ext
UNION ALL SELECT n.id, 11, 'HANDLING', 'SUSPEND_REQUESTED', 'requestSuspend', who.dept, 'bench', 'DEPARTMENT', cf.department_id, n.c + 3000000, NULL, NULL
  FROM n JOIN case_file cf ON cf.id = n.id, who WHERE n.sus
UNION ALL SELECT n.id, 12, 'SUSPEND_REQUESTED', 'SUSPENDED', 'approveSuspend', who.dispatcher, 'bench', 'DISPATCHER', cf.department_id, n.c + 3300000, NULL, NULL
  FROM n JOIN case_file cf ON cf.id = n.id, who WHERE n.sus
UNION ALL SELECT n.id, 13, 'SUSPENDED', 'HANDLING', 'resume', who.dispatcher, 'bench', 'DISPATCHER', cf.department_id, n.c + 86400000 + 3300000,
  n.c + (CASE WHEN n.ret THEN 900000 ELSE 1800000 END) + 14400000 + n.ext * 14400000 + 86400000, NULL
  FROM n JOIN case_file cf ON cf.id = n.id, who WHERE n.sus AND NOT n.still;
INSERT INTO case_transition (case_id, seq, from_stage, to_stage, action, actor_id, actor_name, actor_role, department_id, at, due_at, stage_due_at)
SELECT n.id, 14, 'HANDLING', 'PENDING_CHECK', 'reportHandled', who.dept, 'bench', 'DEPARTMENT', cf.department_id, n.c + n.h - 1800000, NULL, NULL
  FROM n JOIN case_file cf ON cf.id = n.id, who WHERE n.rew AND NOT n.sus
UNION ALL SELECT n.id, 15, 'PENDING_CHECK', 'CHECKING', 'sendToCheck', who.acceptor, 'bench', 'ACCEPTOR', cf.department_id, n.c + n.h - 1500000, NULL, NULL
  FROM n JOIN case_file cf ON cf.id = n.id, who WHERE n.rew AND NOT n.sus
UNION ALL SELECT n.id, 16, 'CHECKING', 'HANDLING', 'rework', who.inspector, 'bench', 'INSPECTOR', cf.department_id, n.c + n.h - 1200000, NULL, n.c + n.h + 5700000
  FROM n JOIN case_file cf ON cf.id = n.id, who WHERE n.rew AND NOT n.sus
UNION ALL SELECT n.id, 17, 'HANDLING', 'PENDING_CHECK', 'reportHandled', who.dept, 'bench', 'DEPARTMENT', cf.department_id, n.c + n.h + n.sus * 86400000, NULL, NULL
  FROM n JOIN case_file cf ON cf.id = n.id, who WHERE NOT n.open AND NOT n.still
UNION ALL SELECT n.id, 18, 'PENDING_CHECK', 'CHECKING', 'sendToCheck', who.acceptor, 'bench', 'ACCEPTOR', cf.department_id, n.c + n.h + 300000 + n.sus * 86400000,
  NULL, NULL FROM n JOIN case_file cf ON cf.id = n.id, who WHERE NOT n.open AND NOT n.still
UNION ALL SELECT n.id, 19, 'CHECKING', 'PENDING_CLOSE', 'verify', who.inspector, 'bench', 'INSPECTOR', cf.department_id, n.c + n.h + 1200000 + n.sus * 86400000,
  NULL, n.c + n.h + 300000 + 7200000 + n.sus * 86400000 FROM n JOIN case_file cf ON cf.id = n.id, who WHERE NOT n.open AND NOT n.still
UNION ALL SELECT n.id, 20, 'PENDING_CLOSE', 'CLOSED', 'close', who.shiftlead, 'bench', 'SHIFT_LEAD', cf.department_id, n.c + n.h + 1800000 + n.sus * 86400000,
  NULL, NULL FROM n JOIN case_file cf ON cf.id = n.id, who WHERE NOT n.open AND NOT n.still;
-- the evaluation facts of the seeded cases (case_eval_fact, V23), built as V23 builds them for an upgraded store: the app keeps them
-- for every history row it writes, and rows written here bypass it
INSERT INTO case_eval_fact (case_id, last_at, due_at, paused, suspensions, dispatched_at, dispatch_seq, closed_at, reopened_at, handled_at,
    reworks, extensions)
SELECT case_id, max(at), max(due_at),
    sum(CASE WHEN action = 'approveSuspend' THEN 1 WHEN action = 'resume' THEN -1 ELSE 0 END),
    sum(CASE WHEN action = 'approveSuspend' THEN 1 ELSE 0 END),
    min(CASE WHEN action = 'dispatch' THEN at END), max(CASE WHEN action = 'dispatch' THEN seq END),
    max(CASE WHEN action = 'close' THEN at END), max(CASE WHEN action = 'reopen' THEN at END),
    max(CASE WHEN action = 'reportHandled' THEN at END),
    sum(CASE WHEN action = 'rework' THEN 1 ELSE 0 END), sum(CASE WHEN action = 'approveExtension' THEN 1 ELSE 0 END)
FROM case_transition WHERE case_id IN (SELECT id FROM n) GROUP BY case_id;
UPDATE case_eval_fact SET fell_due_at = CASE WHEN closed_at IS NOT NULL AND (reopened_at IS NULL OR reopened_at < closed_at)
    AND closed_at < due_at THEN closed_at ELSE due_at END WHERE case_id IN (SELECT id FROM n);
COMMIT;
ANALYZE;
