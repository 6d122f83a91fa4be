-- civicgrid schema v23 (issue 14): 考核事实 — one row per case summing up its whole history for evaluation (综合评价):
-- the evaluation deadline (greatest due_at), the date it fell due (its 结案, not reopened since, when that came before
-- the deadline, else the deadline), 挂账 running and in all, first 派遣 and the seq of the last, last 结案 / 重新开启 /
-- 处置反馈, 返工 and 延期 counts, and the time of its newest history row. The application folds each new history row
-- into its case's row in the same transaction (cases.facts.CaseFacts); a period ending after last_at reads the fact instead
-- of replaying the history, by fell_due_at (one index range per month). This migration builds the facts of the
-- history before it with the same rule (cases.CaseFact#with). Portable SQL for SQLite (edge) and PostgreSQL (hub).
CREATE TABLE case_eval_fact (
    case_id        BIGINT      NOT NULL PRIMARY KEY REFERENCES case_file (id),
    last_at        TIMESTAMP   NOT NULL,
    due_at         TIMESTAMP,
    fell_due_at    TIMESTAMP,
    paused         INTEGER     NOT NULL,
    suspensions    INTEGER     NOT NULL,
    dispatched_at  TIMESTAMP,
    dispatch_seq   INTEGER,
    closed_at      TIMESTAMP,
    reopened_at    TIMESTAMP,
    handled_at     TIMESTAMP,
    reworks        INTEGER     NOT NULL,
    extensions     INTEGER     NOT NULL
);
INSERT INTO case_eval_fact (case_id, last_at, due_at, paused, suspensions, dispatched_at, dispatch_seq, closed_at, reopened_at, handled_at,
    reworks, extensions)
SELECT case_id, max(at), max(due_at),
    sum(CASE WHEN action = 'approveSuspend' THEN 1 WHEN action = 'resume' THEN -1 ELSE 0 END),
    sum(CASE WHEN action = 'approveSuspend' THEN 1 ELSE 0 END),
    min(CASE WHEN action = 'dispatch' THEN at END), max(CASE WHEN action = 'dispatch' THEN seq END),
    max(CASE WHEN action = 'close' THEN at END), max(CASE WHEN action = 'reopen' THEN at END),
    max(CASE WHEN action = 'reportHandled' THEN at END),
    sum(CASE WHEN action = 'rework' THEN 1 ELSE 0 END), sum(CASE WHEN action = 'approveExtension' THEN 1 ELSE 0 END)
FROM case_transition GROUP BY case_id;
UPDATE case_eval_fact SET fell_due_at = CASE WHEN closed_at IS NOT NULL AND (reopened_at IS NULL OR reopened_at < closed_at)
    AND closed_at < due_at THEN closed_at ELSE due_at END;
CREATE INDEX case_eval_fact_fell_due ON case_eval_fact (fell_due_at, last_at);
