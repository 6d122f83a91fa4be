-- civicgrid schema v32 (issue 15): 上级时限 — a 上级交办 case keeps the hub's deadline on the case itself, and no
-- clock of the case runs past it (cases.Deadlines). Cases taken before this version get it from sync_assignment.
ALTER TABLE case_file ADD COLUMN superior_due_at TIMESTAMP;
UPDATE case_file SET superior_due_at = (SELECT s.due_at FROM sync_assignment s WHERE s.case_id = case_file.id)
WHERE id IN (SELECT case_id FROM sync_assignment);
