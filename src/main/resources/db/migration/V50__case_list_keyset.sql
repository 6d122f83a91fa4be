-- civicgrid schema v50 (issue 20): the case list at 1,000,000 cases pages by keyset, newest first
-- (created_at DESC, id DESC), so every filter of the list needs an index that ends in that order. Stage and
-- department had none (their indexes end in the deadline and the stage); the list without a filter walks
-- (created_at, id). On SQLite every index already ends in the rowid (= id); PostgreSQL needs id spelled out.
CREATE INDEX case_file_stage_time ON case_file (stage, created_at, id);
CREATE INDEX case_file_department_time ON case_file (department_id, created_at, id);
CREATE INDEX case_file_created_id ON case_file (created_at, id);
DROP INDEX case_file_created;
