-- civicgrid schema v22: covering indexes for 综合评价 over the case history, so one pass for every object type reads
-- the history from the indexes alone (bench/README.md, "Evaluation over 1,000,000 cases"):
--   case_transition_event_cover  the period's events by action and time, with the columns the event conditions and
--                                the object keys read (replaces V20's (action, at))
--   case_transition_case_cover   one case's rows by action: the per-case summary of the cases that fell due, the
--                                "a later row of the same case" conditions (有效上报, 回退, 立案后作废) and the
--                                evaluation clock's own look-ups
-- Portable SQL for SQLite (edge) and PostgreSQL (hub).
CREATE INDEX case_transition_event_cover ON case_transition (action, at, case_id, seq, department_id, actor_id, stage_due_at);
DROP INDEX case_transition_action_at;
CREATE INDEX case_transition_case_cover ON case_transition (case_id, action, seq, at, due_at);
