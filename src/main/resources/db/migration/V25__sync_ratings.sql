-- civicgrid schema v25 (session 6): 公众满意度 on the hub. Portable SQL for SQLite (edge) and PostgreSQL (hub).
--
-- edge: every 公众评价 and 回访 recorded from now on writes an outbox event (rating.added) in its own transaction
-- (sync.Outbox#rating). The ratings and call-backs a box holds when it is upgraded get theirs here, once, in the same
-- migration that brings the code: a rating is either before it (backfilled) or after it (written by the code), never
-- both. Their event ids name the row (rating-portal-<id>, rating-callback-<id>: unique per site, at most 36 characters);
-- the payload is the JSON of sync.SyncProtocol.Rating, the event's time the rating's.
INSERT INTO outbox_entry (event_id, site_id, case_id, seq, event_type, payload, created_at, sent_at)
SELECT x.event_id, x.site_id, x.case_id, 0, 'rating.added', x.payload, x.at, NULL FROM (
    SELECT 'rating-portal-' || r.id AS event_id, c.site_id AS site_id, r.case_id AS case_id, r.rated_at AS at, r.id AS n, 0 AS kind,
           '{"kind":"PORTAL","ratingId":' || r.id || ',"score":' || r.score || '}' AS payload
    FROM public_rating r JOIN case_file c ON c.id = r.case_id
    UNION ALL
    SELECT 'rating-callback-' || b.id, c.site_id, b.case_id, b.called_at, b.id, 1,
           '{"kind":"CALLBACK","ratingId":' || b.id || ',"satisfied":' || CASE WHEN b.satisfied THEN 'true' ELSE 'false' END || '}'
    FROM case_callback b JOIN case_file c ON c.id = b.case_id
) x ORDER BY x.at, x.kind, x.n;

-- hub: the sites' ratings and call-backs, each once (by the site's row of that kind; the event is once by its id too)
CREATE TABLE hub_rating (
    id               ${auto_id},
    site_id          VARCHAR(64)  NOT NULL,
    kind             VARCHAR(8)   NOT NULL,
    edge_rating_id   BIGINT       NOT NULL,
    edge_case_id     BIGINT       NOT NULL,
    score            INTEGER,
    satisfied        BOOLEAN,
    rated_at         TIMESTAMP    NOT NULL,
    event_id         VARCHAR(36)  NOT NULL,
    received_at      TIMESTAMP    NOT NULL,
    UNIQUE (site_id, kind, edge_rating_id)
);
CREATE INDEX hub_rating_time ON hub_rating (rated_at, site_id);
