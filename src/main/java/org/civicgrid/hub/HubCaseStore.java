package org.civicgrid.hub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.civicgrid.sync.SyncProtocol;

/**
 * 汇聚案卷 — applies one event to the hub's copy of the case (inside the ingest transaction): the state only when it
 * is at least as new as the stored one (the edge's history count), each history row and attachment reference once,
 * and a 上级交办's progress onto its assignment.
 */
@ApplicationScoped
class HubCaseStore {

    void apply(String siteId, SyncProtocol.Event event, Instant now) {
        EntityManager em = HubSite.getEntityManager();
        SyncProtocol.CaseState s = event.state();
        HubCase c = HubCase.<HubCase>find("siteId = ?1 and edgeCaseId = ?2", siteId, event.caseId()).firstResult();
        if (c == null) {
            c = new HubCase();
            c.siteId = siteId;
            c.edgeCaseId = event.caseId();
            c.historyCount = -1;
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
        if (!event.history().isEmpty()) {
            Set<Integer> have = new HashSet<>(em.createQuery("select h.seq from HubCaseHistory h where h.siteId = ?1 and h.edgeCaseId = ?2",
                    Integer.class).setParameter(1, siteId).setParameter(2, event.caseId()).getResultList());
            for (SyncProtocol.HistoryRow h : event.history()) {
                if (have.add(h.seq())) {
                    HubCaseHistory row = new HubCaseHistory();
                    row.siteId = siteId;
                    row.edgeCaseId = event.caseId();
                    row.seq = h.seq();
                    row.action = h.action();
                    row.fromStage = h.from();
                    row.toStage = h.to();
                    row.actorName = h.actorName();
                    row.actorRole = h.actorRole();
                    row.at = h.at();
                    row.note = h.note();
                    em.persist(row);
                }
            }
        }
        if (!event.attachments().isEmpty()) {
            Set<String> have = new HashSet<>(em.createQuery("select a.sha256 from HubAttachment a where a.siteId = ?1 and a.edgeCaseId = ?2",
                    String.class).setParameter(1, siteId).setParameter(2, event.caseId()).getResultList());
            for (SyncProtocol.AttachmentRef a : event.attachments()) {
                if (have.add(a.sha256())) {
                    HubAttachment row = new HubAttachment();
                    row.siteId = siteId;
                    row.edgeCaseId = event.caseId();
                    row.sha256 = a.sha256();
                    row.kind = a.kind();
                    row.contentType = a.contentType();
                    row.sizeBytes = a.size();
                    row.transitionSeq = a.transitionSeq();
                    row.phase = a.phase();
                    em.persist(row);
                }
            }
        }
        if (s.assignmentId() != null) {
            HubAssignment a = HubAssignment.findById(s.assignmentId());
            if (a != null && a.siteId.equals(siteId) && (a.stage == null || s.historyCount() >= c.historyCount)) {
                a.edgeCaseId = event.caseId();
                a.caseNumber = s.caseNumber();
                a.stage = c.stage;
                a.closedAt = c.closedAt;
                if (a.pulledAt == null) {
                    a.pulledAt = now;
                }
            }
        }
    }
}
