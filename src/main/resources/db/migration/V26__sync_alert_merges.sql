-- civicgrid schema v26 (session 6): 重复上报 on the hub. Portable SQL for SQLite (edge) and PostgreSQL (hub).
--
-- edge: a camera or drone alert merged into a still-open case (alert outcome MERGED) writes an outbox event
-- (alert.merged) in the transaction that merges it (alert.AlertBatchWriter, alert.AlertReview). The merged alerts a box
-- holds when it is upgraded get theirs here, once, as V25 does for ratings: event id alert-merged-<id> (unique per site,
-- at most 36 characters), payload the JSON of sync.SyncProtocol.AlertMerge, the event's time the alert's.
-- (Manual and hotline merges are history rows, mergeDuplicate, and go up with the case's events already.)
INSERT INTO outbox_entry (event_id, site_id, case_id, seq, event_type, payload, created_at, sent_at)
SELECT 'alert-merged-' || a.id, c.site_id, a.case_id, 0, 'alert.merged', '{"alertId":' || a.id || '}', a.received_at, NULL
FROM alert_message a JOIN case_file c ON c.id = a.case_id
WHERE a.outcome = 'MERGED'
ORDER BY a.received_at, a.id;

-- hub: the sites' merged alerts, each once (by the site's alert row; the event is once by its id too)
CREATE TABLE hub_alert_merge (
    id               ${auto_id},
    site_id          VARCHAR(64)  NOT NULL,
    edge_alert_id    BIGINT       NOT NULL,
    edge_case_id     BIGINT       NOT NULL,
    received_at      TIMESTAMP    NOT NULL,
    event_id         VARCHAR(36)  NOT NULL,
    stored_at        TIMESTAMP    NOT NULL,
    UNIQUE (site_id, edge_alert_id)
);
CREATE INDEX hub_alert_merge_time ON hub_alert_merge (received_at, site_id);
