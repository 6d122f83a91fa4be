-- civicgrid schema v31 (issue 15): the hub keeps the edge's evaluation clocks of each history row (case_transition
-- due_at / stage_due_at, V20), so evaluation across towns can run on the hub's data.
ALTER TABLE hub_case_history ADD COLUMN due_at TIMESTAMP;
ALTER TABLE hub_case_history ADD COLUMN stage_due_at TIMESTAMP;
