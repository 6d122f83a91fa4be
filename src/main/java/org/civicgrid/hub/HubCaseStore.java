package org.civicgrid.hub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicgrid.sync.SyncProtocol;

/**
 * 汇聚案卷 — applies a batch's new events to the hub's copies of the cases (inside the ingest transaction, in one
 * JDBC batch per table): the state only when it is at least as new as the stored one (the edge's history count, an
 * upsert that leaves a newer row alone), each history row and attachment reference once (an insert that skips what
 * exists), each 公众评价 and 回访 once (by its kind and row on the edge), each merged alert once (by its row on the edge),
 * and a 上级交办's progress onto its assignment.
 */
@ApplicationScoped
class HubCaseStore {

    private static final String[] CASE_COLUMNS = {"siteId", "edgeCaseId", "caseNumber", "source", "classCode", "description", "address",
            "lat", "lon", "gridCode", "stage", "historyCount", "stageDeadlineAt", "assignmentId", "createdAt", "closedAt", "updatedAt"};

    void apply(String siteId, List<SyncProtocol.Event> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        EntityManager em = HubSite.getEntityManager();
        // per case the newest state of the batch (a later event of equal count wins, as it was sent later)
        Map<Long, SyncProtocol.CaseState> states = new LinkedHashMap<>();
        for (SyncProtocol.Event event : events) {
            SyncProtocol.CaseState known = states.get(event.caseId());
            if (known == null || event.state().historyCount() >= known.historyCount()) {
                states.put(event.caseId(), event.state());
            }
        }
        BatchInsert cases = new BatchInsert(em, HubCase.class, "hub_case", CASE_COLUMNS);
        cases.onConflict("(site_id, edge_case_id) DO UPDATE SET " + String.join(", ", cases.columns().stream().skip(2) // all but the key
                .map(c -> c + " = excluded." + c).toList()) + " WHERE hub_case.history_count <= excluded.history_count");
        states.forEach((caseId, s) -> cases.add(siteId, caseId, s.caseNumber(), s.source(), s.classCode(), s.description(), s.address(),
                s.lat(), s.lon(), s.gridCode(), s.stage(), s.historyCount(), s.stageDeadlineAt(), s.assignmentId(), s.createdAt(),
                s.closedAt(), now));
        cases.write(em);
        // each history row names its hub case (hub_case.id, for evaluation across towns): read once for the batch's cases
        Map<Long, Long> hubIds = new HashMap<>();
        em.createQuery("select c.edgeCaseId, c.id from HubCase c where c.siteId = ?1 and c.edgeCaseId in ?2", Object[].class)
                .setParameter(1, siteId).setParameter(2, states.keySet()).getResultList()
                .forEach(r -> hubIds.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        BatchInsert history = new BatchInsert(em, HubCaseHistory.class, "hub_case_history", "siteId", "edgeCaseId", "caseId", "seq", "action",
                "fromStage", "toStage", "actorName", "actorRole", "at", "note", "dueAt", "stageDueAt")
                .onConflict("(site_id, edge_case_id, seq) DO NOTHING");
        BatchInsert attachments = new BatchInsert(em, HubAttachment.class, "hub_attachment", "siteId", "edgeCaseId", "sha256", "kind",
                "contentType", "sizeBytes", "transitionSeq", "phase").onConflict("(site_id, edge_case_id, sha256) DO NOTHING");
        BatchInsert ratings = new BatchInsert(em, HubRating.class, "hub_rating", "siteId", "kind", "edgeRatingId", "edgeCaseId", "score",
                "satisfied", "ratedAt", "eventId", "receivedAt").onConflict("(site_id, kind, edge_rating_id) DO NOTHING");
        BatchInsert merges = new BatchInsert(em, HubAlertMerge.class, "hub_alert_merge", "siteId", "edgeAlertId", "edgeCaseId", "receivedAt",
                "eventId", "storedAt").onConflict("(site_id, edge_alert_id) DO NOTHING");
        Set<String> rows = new HashSet<>();
        for (SyncProtocol.Event event : events) {
            if (SyncProtocol.ALERT_MERGED.equals(event.type()) && rows.add("alert/" + event.alertMerge().alertId())) {
                merges.add(siteId, event.alertMerge().alertId(), event.caseId(), event.at(), event.eventId(), now);
            }
            SyncProtocol.Rating r = event.rating();
            if (SyncProtocol.RATING_ADDED.equals(event.type()) && rows.add(r.kind() + "/" + r.ratingId())) {
                ratings.add(siteId, r.kind(), r.ratingId(), event.caseId(), r.score(), r.satisfied(), event.at(), event.eventId(), now);
            }
            for (SyncProtocol.HistoryRow h : event.history()) {
                if (rows.add(event.caseId() + "/" + h.seq())) {
                    history.add(siteId, event.caseId(), hubIds.get(event.caseId()), h.seq(), h.action(), h.from(), h.to(), h.actorName(),
                            h.actorRole(), h.at(), h.note(), h.dueAt(), h.stageDueAt());
                }
            }
            for (SyncProtocol.AttachmentRef a : event.attachments()) {
                if (rows.add(event.caseId() + "/" + a.sha256())) {
                    attachments.add(siteId, event.caseId(), a.sha256(), a.kind(), a.contentType(), a.size(), a.transitionSeq(), a.phase());
                }
            }
        }
        history.write(em);
        attachments.write(em);
        ratings.write(em);
        merges.write(em);
        states.forEach((caseId, s) -> {
            if (s.assignmentId() != null) {
                assignment(em, siteId, caseId, s.assignmentId(), now);
            }
        });
    }

    /** A 上级交办's progress, from the case as the hub now holds it (the newest state, whichever batch brought it). */
    private static void assignment(EntityManager em, String siteId, long caseId, long assignmentId, Instant now) {
        HubAssignment a = HubAssignment.findById(assignmentId);
        if (a == null || !a.siteId.equals(siteId)) {
            return;
        }
        HubCase c = em.createQuery("from HubCase c where c.siteId = ?1 and c.edgeCaseId = ?2", HubCase.class).setParameter(1, siteId)
                .setParameter(2, caseId).getSingleResult();
        a.edgeCaseId = caseId;
        a.caseNumber = c.caseNumber;
        a.stage = c.stage;
        a.closedAt = c.closedAt;
        if (a.pulledAt == null) {
            a.pulledAt = now;
        }
    }
}
