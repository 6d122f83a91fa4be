-- 100,000 outbox events for the sync bench (bench/run-sync.sh), written into an edge's SQLite file after
-- bench/seed-cases.sql: one 上报 history row and one outbox event per seeded case (ids as the app writes them).
PRAGMA foreign_keys = ON;
BEGIN;
INSERT INTO case_transition (case_id, seq, from_stage, to_stage, action, actor_name, actor_role, at, note)
SELECT id, 1, NULL, stage, 'report', '压测', 'ACCEPTOR', created_at, NULL FROM case_file
WHERE case_number LIKE 'B%' AND NOT EXISTS (SELECT 1 FROM case_transition t WHERE t.case_id = case_file.id AND t.seq = 1);
INSERT INTO outbox_entry (event_id, site_id, case_id, seq, event_type, payload, created_at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
  site_id, id, 1, 'case.report', '{}', created_at FROM case_file WHERE case_number LIKE 'B%' ORDER BY id;
COMMIT;
