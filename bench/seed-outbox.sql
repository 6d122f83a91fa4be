-- The sync bench's backlog (bench/run-sync.sh), written into an edge's SQLite file after bench/seed-cases.sql: the
-- outbox rows seed-cases.sql wrote are replaced by :events waiting events (never numbered, never sent) — the history
-- rows of the seeded cases in time order, i.e. several events per case as after days without the network.
PRAGMA foreign_keys = ON;
BEGIN;
DELETE FROM outbox_entry WHERE case_id IN (SELECT id FROM case_file WHERE case_number LIKE 'B%');
INSERT INTO outbox_entry (event_id, site_id, case_id, seq, event_type, payload, created_at)
SELECT printf('%08x-%04x-4000-8000-%012x', t.case_id, t.seq, t.id), c.site_id, t.case_id, t.seq, 'case.' || t.action, '{}', t.at
FROM case_transition t JOIN case_file c ON c.id = t.case_id
WHERE c.case_number LIKE 'B%' ORDER BY t.at, t.id LIMIT :events;
COMMIT;
ANALYZE;
