package org.civicgrid.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import jakarta.persistence.EntityManager;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.CaseAttachment;

/**
 * 上报批次 — numbers the outbox (per-site {@code seq}, contiguous, in commit order) and builds the next batch after
 * what the hub acknowledged: each event with its case's current state, its history row and the case's attachments (a
 * rating event: the rating instead of a history row).
 */
@ApplicationScoped
public class SyncBatches {

    /** The outbox event that carries an attachment up on its own ({@link #announceAttachments}). */
    static final String ATTACHMENT_ADDED = "attachment.added";

    /** The most events the hub takes in one batch. */
    public static final int MAX_EVENTS = 5000;

    /** The events that carry no history row of their case. */
    private static final List<String> WITHOUT_HISTORY = List.of(ATTACHMENT_ADDED, SyncProtocol.RATING_ADDED, SyncProtocol.ALERT_MERGED);

    private final ApplianceConfig appliance;
    private final Outbox outbox;
    private final ObjectMapper json;

    SyncBatches(ApplianceConfig appliance, Outbox outbox, ObjectMapper json) {
        this.appliance = appliance;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Gives up to {@code limit} unnumbered outbox rows the next per-site numbers (after announcing new attachments);
     * returns the highest number given so far.
     */
    @Transactional
    @SingleWriter
    public long number(int limit) {
        announceAttachments(limit);
        // numbers go in id order, so every unnumbered row lies after the last numbered one: a primary-key range, not a
        // scan of all waiting rows (which made a 100k backlog drain in O(n²))
        Long max = OutboxEntry.getEntityManager().createQuery("select max(o.siteSeq) from OutboxEntry o", Long.class).getSingleResult();
        Long after = max == null ? null : OutboxEntry.getEntityManager()
                .createQuery("select o.id from OutboxEntry o where o.siteSeq = ?1", Long.class).setParameter(1, max).getSingleResult();
        OutboxEntry.getEntityManager().flush(); // the announcements above, before the statement below numbers them
        // one statement, not one update per row (500 entity updates were a third of the relay's CPU)
        long from = max == null ? 0L : max;
        return from + OutboxEntry.getEntityManager().createNativeQuery("""
                UPDATE outbox_entry SET site_seq = n.next_seq FROM (
                  SELECT id, ?1 + row_number() OVER (ORDER BY id) AS next_seq FROM outbox_entry
                  WHERE id > ?2 AND site_seq IS NULL ORDER BY id LIMIT ?3) AS n
                WHERE outbox_entry.id = n.id""")
                .setParameter(1, from).setParameter(2, after == null ? 0L : after).setParameter(3, limit).executeUpdate();
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
    public List<SyncProtocol.Event> after(long acked, int limit) {
        return after(acked, limit, Long.MAX_VALUE);
    }

    /**
     * The events after {@code after}, at most {@code limit} and about {@code maxBytes} of JSON (at least one), ready
     * to send (empty: nothing waits). Two queries for the whole batch — the events with their case's state, their
     * history row and 上级交办 link in one, the cases' attachments in the other — each selecting only the columns the
     * protocol sends (no entities, nothing for the session to track).
     */
    @jakarta.enterprise.context.control.ActivateRequestContext
    public List<SyncProtocol.Event> after(long after, int limit, long maxBytes) {
        EntityManager em = OutboxEntry.getEntityManager();
        em.clear(); // outside a transaction the session lives as long as the request: read afresh
        List<Object[]> rows = em.createQuery("""
                select o.eventId, o.siteSeq, o.eventType, o.caseId, o.createdAt,
                  c.id, c.number, c.source, c.classCode, c.description, c.address, c.lat, c.lon, c.gridCode, c.stage, c.historyCount,
                  c.stageDeadlineAt, c.createdAt, c.closedAt,
                  t.seq, t.action, t.from, t.to, t.actorName, t.actorRole, t.at, t.note, t.dueAt, t.stageDueAt, a.assignmentId, o.payload
                from OutboxEntry o
                  left join CaseFile c on c.id = o.caseId
                  left join CaseTransition t on t.caseId = o.caseId and t.seq = o.seq and o.eventType not in ?2
                  left join SyncAssignment a on a.caseId = o.caseId
                where o.siteSeq > ?1 order by o.siteSeq""", Object[].class)
                .setParameter(1, after).setParameter(2, WITHOUT_HISTORY).setMaxResults(limit).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        long last = (Long) rows.get(rows.size() - 1)[1];
        Map<Long, List<SyncProtocol.AttachmentRef>> attachments = new HashMap<>();
        for (Object[] a : em.createQuery("""
                select a.caseId, a.sha256, a.kind, a.contentType, a.sizeBytes, a.transitionSeq, a.phase from CaseAttachment a
                where a.caseId in (select o.caseId from OutboxEntry o where o.siteSeq > ?1 and o.siteSeq <= ?2) order by a.id""", Object[].class)
                .setParameter(1, after).setParameter(2, last).getResultList()) {
            attachments.computeIfAbsent((Long) a[0], k -> new ArrayList<>()).add(new SyncProtocol.AttachmentRef((String) a[1], (String) a[2],
                    (String) a[3], (Long) a[4], (Integer) a[5], (String) a[6]));
        }
        List<SyncProtocol.Event> events = new ArrayList<>(rows.size());
        long bytes = 0;
        for (Object[] r : rows) {
            if (r[5] == null) {
                throw new IllegalStateException("outbox event " + r[0] + " names case " + r[3] + ", which is not in the store");
            }
            long caseId = (Long) r[3];
            SyncProtocol.CaseState state = new SyncProtocol.CaseState((String) r[6], name(r[7]), (String) r[8], (String) r[9], (String) r[10],
                    (Double) r[11], (Double) r[12], (String) r[13], name(r[14]), (Integer) r[15], (Instant) r[16], (Long) r[29], (Instant) r[17],
                    (Instant) r[18]);
            List<SyncProtocol.HistoryRow> history = r[19] == null ? List.of() : List.of(new SyncProtocol.HistoryRow((Integer) r[19],
                    (String) r[20], name(r[21]), name(r[22]), (String) r[23], (String) r[24], (Instant) r[25], (String) r[26], (Instant) r[27],
                    (Instant) r[28]));
            SyncProtocol.Rating rating = SyncProtocol.RATING_ADDED.equals(r[2]) ? payload((String) r[0], (String) r[30], SyncProtocol.Rating.class) : null;
            SyncProtocol.AlertMerge merge = SyncProtocol.ALERT_MERGED.equals(r[2]) ? payload((String) r[0], (String) r[30], SyncProtocol.AlertMerge.class)
                    : null;
            SyncProtocol.Event event = new SyncProtocol.Event((String) r[0], (Long) r[1], (String) r[2], caseId, (Instant) r[4], state, history,
                    attachments.getOrDefault(caseId, List.of()), rating, merge);
            bytes += event.estimatedBytes();
            if (!events.isEmpty() && bytes > maxBytes) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    /**
     * The rating or alert merge an event carries, from its outbox row's JSON (written by {@link Outbox#rating}, the alert
     * store, or the V25/V26 backfills).
     */
    private <T> T payload(String eventId, String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox event " + eventId + " holds no " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String name(Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    /** Where an attachment's file is, by its SHA-256 (any of this site's copies). */
    @jakarta.enterprise.context.control.ActivateRequestContext
    public java.util.Optional<CaseAttachment> attachment(String sha256) {
        return CaseAttachment.<CaseAttachment>find("sha256", sha256).firstResultOptional();
    }

    public String siteId() {
        return appliance.siteId();
    }
}
