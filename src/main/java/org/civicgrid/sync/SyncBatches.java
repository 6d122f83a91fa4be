package org.civicgrid.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.CaseAttachment;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseTransition;

/**
 * 上报批次 — numbers the outbox (per-site {@code seq}, contiguous, in commit order) and builds the next batch after
 * what the hub acknowledged: each event with its case's current state, its history row and the case's attachments.
 */
@ApplicationScoped
public class SyncBatches {

    /** The outbox event that carries an attachment up on its own ({@link #announceAttachments}). */
    static final String ATTACHMENT_ADDED = "attachment.added";

    private final ApplianceConfig appliance;
    private final Outbox outbox;

    SyncBatches(ApplianceConfig appliance, Outbox outbox) {
        this.appliance = appliance;
        this.outbox = outbox;
    }

    /**
     * Gives up to {@code limit} unnumbered outbox rows the next per-site numbers (after announcing new attachments);
     * returns how many.
     */
    @Transactional
    @SingleWriter
    public int number(int limit) {
        announceAttachments(limit);
        // numbers go in id order, so every unnumbered row lies after the last numbered one: a primary-key range, not a
        // scan of all waiting rows (which made a 100k backlog drain in O(n²))
        Long max = OutboxEntry.getEntityManager().createQuery("select max(o.siteSeq) from OutboxEntry o", Long.class).getSingleResult();
        Long after = max == null ? null : OutboxEntry.getEntityManager()
                .createQuery("select o.id from OutboxEntry o where o.siteSeq = ?1", Long.class).setParameter(1, max).getSingleResult();
        OutboxEntry.getEntityManager().flush(); // the announcements above, before the statement below numbers them
        // one statement, not one update per row (500 entity updates were a third of the relay's CPU)
        return OutboxEntry.getEntityManager().createNativeQuery("""
                UPDATE outbox_entry SET site_seq = n.next_seq FROM (
                  SELECT id, ?1 + row_number() OVER (ORDER BY id) AS next_seq FROM outbox_entry
                  WHERE id > ?2 AND site_seq IS NULL ORDER BY id LIMIT ?3) AS n
                WHERE outbox_entry.id = n.id""")
                .setParameter(1, max == null ? 0L : max).setParameter(2, after == null ? 0L : after).setParameter(3, limit).executeUpdate();
    }

    /**
     * Gives each attachment added since the last call an outbox event of its own ({@code attachment.added}), so a
     * photo added without a transition (补充照片, a camera snapshot) goes up now, not with the case's next event. The
     * cursor moves in the same transaction; on the edge's single writer ids commit in order, so none is skipped.
     */
    private void announceAttachments(int limit) {
        SyncState state = SyncState.get();
        List<CaseAttachment> added = CaseAttachment.<CaseAttachment>find("id > ?1 order by id", state.attachmentCursor).page(0, limit).list();
        for (CaseAttachment a : added) {
            outbox.store(outbox.entry(a.caseId, a.transitionSeq == null ? 0 : a.transitionSeq, ATTACHMENT_ADDED,
                    Map.of("sha256", a.sha256, "kind", a.kind), a.uploadedAt));
            state.attachmentCursor = a.id;
        }
    }

    /** The events after {@code acked}, at most {@code limit}, ready to send (empty: nothing waits). */
    @jakarta.enterprise.context.control.ActivateRequestContext
    public List<SyncProtocol.Event> after(long acked, int limit) {
        OutboxEntry.getEntityManager().clear(); // outside a transaction the session lives as long as the request: read afresh
        List<OutboxEntry> entries = OutboxEntry.find("siteSeq > ?1 order by siteSeq", acked).page(0, limit).list();
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<Long> caseIds = entries.stream().map(e -> e.caseId).collect(Collectors.toSet());
        Map<Long, CaseFile> cases = CaseFile.<CaseFile>list("id in ?1", caseIds).stream().collect(Collectors.toMap(c -> c.id, c -> c));
        Map<String, CaseTransition> rows = new HashMap<>();
        for (CaseTransition t : CaseTransition.<CaseTransition>list("caseId in ?1", caseIds)) {
            rows.put(t.caseId + "/" + t.seq, t);
        }
        Map<Long, List<SyncProtocol.AttachmentRef>> attachments = new HashMap<>();
        for (CaseAttachment a : CaseAttachment.<CaseAttachment>list("caseId in ?1 order by id", caseIds)) {
            attachments.computeIfAbsent(a.caseId, k -> new ArrayList<>())
                    .add(new SyncProtocol.AttachmentRef(a.sha256, a.kind, a.contentType, a.sizeBytes, a.transitionSeq, a.phase));
        }
        Map<Long, Long> assignments = SyncAssignment.<SyncAssignment>list("caseId in ?1", caseIds).stream()
                .collect(Collectors.toMap(a -> a.caseId, a -> a.assignmentId));
        List<SyncProtocol.Event> events = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            CaseFile c = cases.get(e.caseId);
            if (c == null) {
                throw new IllegalStateException("outbox event " + e.eventId + " names case " + e.caseId + ", which is not in the store");
            }
            CaseTransition row = e.eventType.equals(ATTACHMENT_ADDED) ? null : rows.get(e.caseId + "/" + e.seq);
            events.add(new SyncProtocol.Event(e.eventId, e.siteSeq, e.eventType, e.caseId, e.createdAt, state(c, assignments.get(c.id)),
                    row == null ? List.of() : List.of(history(row)), attachments.getOrDefault(c.id, List.of())));
        }
        return events;
    }

    /** Where an attachment's file is, by its SHA-256 (any of this site's copies). */
    @jakarta.enterprise.context.control.ActivateRequestContext
    public java.util.Optional<CaseAttachment> attachment(String sha256) {
        return CaseAttachment.<CaseAttachment>find("sha256", sha256).firstResultOptional();
    }

    public String siteId() {
        return appliance.siteId();
    }

    private static SyncProtocol.CaseState state(CaseFile c, Long assignmentId) {
        return new SyncProtocol.CaseState(c.number, c.source.name(), c.classCode, c.description, c.address, c.lat, c.lon, c.gridCode,
                c.stage.name(), c.historyCount, c.stageDeadlineAt, assignmentId, c.createdAt, c.closedAt);
    }

    private static SyncProtocol.HistoryRow history(CaseTransition t) {
        return new SyncProtocol.HistoryRow(t.seq, t.action, t.from == null ? null : t.from.name(), t.to.name(), t.actorName, t.actorRole,
                t.at, t.note, t.dueAt, t.stageDueAt);
    }
}
