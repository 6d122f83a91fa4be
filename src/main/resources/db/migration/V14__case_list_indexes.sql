-- civicgrid schema v14: indexes for the case list filters, the work queues and the command screen (100k cases).
CREATE INDEX case_file_assignee ON case_file (assignee_id, stage);
CREATE INDEX case_file_source_time ON case_file (source, created_at);
CREATE INDEX case_file_grid_time ON case_file (grid_code, created_at);
CREATE INDEX case_file_street_time ON case_file (street_code, created_at);
CREATE INDEX case_file_closed ON case_file (closed_at);
CREATE INDEX case_file_deadline ON case_file (stage_deadline_at);
CREATE INDEX case_transition_action ON case_transition (action, case_id);
