-- civicgrid schema v24 (issue 14): 公众评价 by the time it was given, for 综合评价's 公众满意度 over a period. Without it
-- SQLite read the ratings of a month by scanning every case (case_file, 1 M rows in bench/run-evaluation.sh: 0.16 s of
-- CPU per evaluation pass, on a store with no rating at all) and looking up its rating. Portable SQL for SQLite (edge)
-- and PostgreSQL (hub).
CREATE INDEX public_rating_time ON public_rating (rated_at);
