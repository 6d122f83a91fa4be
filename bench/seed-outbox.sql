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
-- the seeded history as a current build writes it: each 派遣 row with its 考核时限 (due_at). Without it the one-off
-- 考核时限补录 of pre-V20 stores (cases.EvaluationBackfill) takes the seeded cases for old ones and holds the store's
-- write lock for minutes right when the drain starts (seen 2026-12-07: the relay waited 80 s for it).
UPDATE case_transition SET due_at = at + 14400000 WHERE action = 'dispatch' AND due_at IS NULL
  AND case_id IN (SELECT id FROM case_file WHERE case_number LIKE 'B%');
COMMIT;
ANALYZE;
