package org.civicgrid.hub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicgrid.sync.SyncProtocol;

/**
 * 汇聚案卷 — applies a batch's new events to the hub's copies of the cases (inside the ingest transaction, with what
 * exists read once per batch): the state only when it is at least as new as the stored one (the edge's history
 * count), each history row and attachment reference once, and a 上级交办's progress onto its assignment.
 */
@ApplicationScoped
class HubCaseStore {

    void apply(String siteId, List<SyncProtocol.Event> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        EntityManager em = HubSite.getEntityManager();
        Set<Long> caseIds = new HashSet<>();
        events.forEach(e -> caseIds.add(e.caseId()));
        Map<Long, HubCase> cases = new HashMap<>();
        for (HubCase c : em.createQuery("from HubCase c where c.siteId = ?1 and c.edgeCaseId in ?2", HubCase.class)
                .setParameter(1, siteId).setParameter(2, caseIds).getResultList()) {
            cases.put(c.edgeCaseId, c);
        }
        Set<String> history = new HashSet<>();
        for (Object[] row : em.createQuery("select h.edgeCaseId, h.seq from HubCaseHistory h where h.siteId = ?1 and h.edgeCaseId in ?2",
                Object[].class).setParameter(1, siteId).setParameter(2, caseIds).getResultList()) {
            history.add(row[0] + "/" + row[1]);
        }
        Set<String> attachments = new HashSet<>();
        if (events.stream().anyMatch(e -> !e.attachments().isEmpty())) {
            for (Object[] row : em.createQuery("select a.edgeCaseId, a.sha256 from HubAttachment a where a.siteId = ?1 and a.edgeCaseId in ?2",
                    Object[].class).setParameter(1, siteId).setParameter(2, caseIds).getResultList()) {
                attachments.add(row[0] + "/" + row[1]);
            }
        }
        for (SyncProtocol.Event event : events) {
            HubCase c = state(em, siteId, event, cases, now);
            for (SyncProtocol.HistoryRow h : event.history()) {
                if (history.add(event.caseId() + "/" + h.seq())) {
                    em.persist(history(siteId, event.caseId(), h));
                }
            }
            for (SyncProtocol.AttachmentRef a : event.attachments()) {
                if (attachments.add(event.caseId() + "/" + a.sha256())) {
                    em.persist(attachment(siteId, event.caseId(), a));
                }
            }
            if (event.state().assignmentId() != null) {
                assignment(siteId, event, c, now);
            }
        }
    }

    private static HubCase state(EntityManager em, String siteId, SyncProtocol.Event event, Map<Long, HubCase> cases, Instant now) {
        SyncProtocol.CaseState s = event.state();
        HubCase c = cases.get(event.caseId());
        if (c == null) {
            c = new HubCase();
            c.siteId = siteId;
            c.edgeCaseId = event.caseId();
            c.historyCount = -1;
            cases.put(event.caseId(), c);
        }
        if (s.historyCount() >= c.historyCount) {
            c.caseNumber = s.caseNumber();
            c.source = s.source();
            c.classCode = s.classCode();
            c.description = s.description();
            c.address = s.address();
            c.lat = s.lat();
            c.lon = s.lon();
            c.gridCode = s.gridCode();
            c.stage = s.stage();
            c.historyCount = s.historyCount();
            c.stageDeadlineAt = s.stageDeadlineAt();
            c.assignmentId = s.assignmentId();
            c.createdAt = s.createdAt();
            c.closedAt = s.closedAt();
            c.updatedAt = now;
            if (c.id == null) {
                em.persist(c);
            }
        }
        return c;
    }

    private static HubCaseHistory history(String siteId, long caseId, SyncProtocol.HistoryRow h) {
        HubCaseHistory row = new HubCaseHistory();
        row.siteId = siteId;
        row.edgeCaseId = caseId;
        row.seq = h.seq();
        row.action = h.action();
        row.fromStage = h.from();
        row.toStage = h.to();
        row.actorName = h.actorName();
        row.actorRole = h.actorRole();
        row.at = h.at();
        row.note = h.note();
        return row;
    }

    private static HubAttachment attachment(String siteId, long caseId, SyncProtocol.AttachmentRef a) {
        HubAttachment row = new HubAttachment();
        row.siteId = siteId;
        row.edgeCaseId = caseId;
        row.sha256 = a.sha256();
        row.kind = a.kind();
        row.contentType = a.contentType();
        row.sizeBytes = a.size();
        row.transitionSeq = a.transitionSeq();
        row.phase = a.phase();
        return row;
    }

    private static void assignment(String siteId, SyncProtocol.Event event, HubCase c, Instant now) {
        HubAssignment a = HubAssignment.findById(event.state().assignmentId());
        if (a != null && a.siteId.equals(siteId)) {
            a.edgeCaseId = event.caseId();
            a.caseNumber = c.caseNumber;
            a.stage = c.stage;
            a.closedAt = c.closedAt;
            if (a.pulledAt == null) {
                a.pulledAt = now;
            }
        }
    }
}
