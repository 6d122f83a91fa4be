-- civicgrid schema v35 (issue 15, evaluation across towns): each hub history row names the hub's case it belongs to
-- (hub_case.id), so evaluation runs its conditions on the hub's history as on the edge's (row t of case c, t.caseId),
-- and the period's rows are read by time. Portable SQL: the hub tables exist on both databases. Rows stored before
-- are filled in from (site_id, edge_case_id); the ingest sets it on every new row (hub.HubCaseStore).
ALTER TABLE hub_case_history ADD COLUMN case_id BIGINT;
UPDATE hub_case_history SET case_id = (SELECT c.id FROM hub_case c
    WHERE c.site_id = hub_case_history.site_id AND c.edge_case_id = hub_case_history.edge_case_id);
CREATE INDEX hub_case_history_case ON hub_case_history (case_id, seq);
CREATE INDEX hub_case_history_at ON hub_case_history (at);
CREATE INDEX hub_case_history_due ON hub_case_history (due_at);
