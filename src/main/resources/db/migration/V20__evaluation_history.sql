-- civicgrid schema v20: 综合评价 reads the case history. Each history row keeps, written once with the row:
--   due_at        the evaluation deadline (考核时限) after this action: set at the first 派遣 from the 立案条件's limit,
--                 moved by an approved 延期 and by the time a 挂账 paused it; 返工, 回退 and a second 派遣 leave it
--                 (NULL on rows that do not change it; the case's deadline is the greatest due_at of its rows)
--   stage_due_at  the deadline of the stage this action ended (按时核实, 按时核查, … per post)
ALTER TABLE case_transition ADD COLUMN due_at TIMESTAMP;
ALTER TABLE case_transition ADD COLUMN stage_due_at TIMESTAMP;
CREATE INDEX case_transition_due ON case_transition (due_at, case_id);
CREATE INDEX case_transition_action_at ON case_transition (action, at);
CREATE INDEX case_transition_actor_at ON case_transition (actor_id, at);
CREATE INDEX case_file_grid_class ON case_file (grid_code, class_code);
