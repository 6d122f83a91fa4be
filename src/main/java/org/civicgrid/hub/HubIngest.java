package org.civicgrid.hub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civicgrid.sync.SyncProtocol;
import org.civicgrid.web.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 汇聚入库 — stores one site's batch in one transaction under that site's row lock ({@code SELECT … FOR UPDATE} on
 * {@code hub_site}): sites never wait for each other, two batches of one site never interleave. Each event once (by
 * seq and by eventId); case state only moves forward (by the edge's history count); history rows, attachment
 * references once each. Answers the highest contiguous seq stored, so the edge re-sends any gap. The rows go in
 * JDBC batches ({@link BatchInsert}): a batch of 500 events costs a dozen round trips to the database, not 1,500.
 */
@ApplicationScoped
public class HubIngest {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HubIngest.class);

    private final HubCaseStore store;
    private final Clock clock;
    private final boolean rowLocks;

    HubIngest(HubCaseStore store, Clock clock, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.store = store;
        this.clock = clock;
        this.rowLocks = dbKind.startsWith("postgres");
    }

    @Transactional
    public SyncProtocol.Ack ingest(String siteId, SyncProtocol.Batch batch) {
        check(siteId, batch);
        long started = System.nanoTime();
        EntityManager em = HubSite.getEntityManager();
        // SQLite (a hub tried out on an edge box) has one writer anyway and no FOR UPDATE
        em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT); // everything this batch reads is read before it writes
        HubSite site = rowLocks ? em.find(HubSite.class, siteId, LockModeType.PESSIMISTIC_WRITE) : em.find(HubSite.class, siteId);
        long locked = System.nanoTime();
        Instant now = clock.instant();
        List<Long> seqs = batch.events().stream().map(SyncProtocol.Event::seq).toList();
        List<String> ids = batch.events().stream().map(SyncProtocol.Event::eventId).toList();
        // the batch's seqs are one range as the edge sends them: one index range, not a list of thousands of parameters
        // (a batch whose seqs lie far apart is looked up by its list, so it cannot make the hub read a site's whole history)
        long low = seqs.stream().mapToLong(Long::longValue).min().orElse(0);
        long high = seqs.stream().mapToLong(Long::longValue).max().orElse(0);
        Set<Long> seenSeqs = new HashSet<>(high - low < 2L * seqs.size()
                ? em.createQuery("select e.seq from HubEvent e where e.siteId = ?1 and e.seq between ?2 and ?3", Long.class)
                        .setParameter(1, siteId).setParameter(2, low).setParameter(3, high).getResultList()
                : em.createQuery("select e.seq from HubEvent e where e.siteId = ?1 and e.seq in ?2", Long.class)
                        .setParameter(1, siteId).setParameter(2, seqs).getResultList());
        Set<String> seenIds = new HashSet<>(em.createQuery("select e.eventId from HubEvent e where e.siteId = ?1 and e.eventId in ?2", String.class)
                .setParameter(1, siteId).setParameter(2, ids).getResultList());
        int duplicates = 0;
        Set<String> refs = new LinkedHashSet<>();
        List<SyncProtocol.Event> fresh = new ArrayList<>();
        BatchInsert rows = new BatchInsert(em, HubEvent.class, "hub_event", "siteId", "seq", "eventId", "edgeCaseId", "eventType", "at",
                "receivedAt");
        for (SyncProtocol.Event event : batch.events()) {
            // a re-sent event asks again for its files: the edge re-sends a batch whose uploads failed
            event.attachments().forEach(a -> refs.add(a.sha256()));
            if (event.seq() <= site.ackedSeq || !seenSeqs.add(event.seq()) || !seenIds.add(event.eventId())) {
                duplicates++;
                continue;
            }
            rows.add(siteId, event.seq(), event.eventId(), event.caseId(), event.type(), event.at(), now);
            fresh.add(event);
        }
        rows.write(em);
        store.apply(siteId, fresh, now);
        int stored = fresh.size();
        site.ackedSeq = contiguous(em, siteId, site.ackedSeq, fresh);
        site.backlog = batch.backlog();
        site.eventsReceived += stored;
        site.lastContactAt = now;
        SyncProtocol.Ack ack = new SyncProtocol.Ack(siteId, site.ackedSeq, stored, duplicates, missing(em, refs));
        LOG.debugf("ingest %s: %d events (%d new), waited %d ms for the site's row, stored in %d ms (before the commit)", siteId,
                batch.events().size(), stored, (locked - started) / 1_000_000, (System.nanoTime() - locked) / 1_000_000);
        return ack;
    }

    private static void check(String siteId, SyncProtocol.Batch batch) {
        if (batch == null || batch.events() == null) {
            throw Problem.badRequest(null, "send {protocol, siteId, backlog, events: [...]}");
        }
        if (batch.protocol() != SyncProtocol.VERSION) {
            throw Problem.badRequest("protocol", "this hub speaks protocol " + SyncProtocol.VERSION + ", the batch says " + batch.protocol());
        }
        if (!siteId.equals(batch.siteId())) {
            throw new Problem(403, "forbidden", "siteId", "this token belongs to site " + siteId + ", not " + batch.siteId());
        }
        if (batch.events().size() > 5000) {
            throw Problem.badRequest("events", "at most 5000 events per batch, got " + batch.events().size());
        }
        for (SyncProtocol.Event e : batch.events()) {
            if (e == null || e.eventId() == null || e.eventId().length() > 36 || e.seq() < 1 || e.state() == null || e.type() == null
                    || e.at() == null || e.history() == null || e.attachments() == null) {
                throw Problem.badRequest("events", "every event needs eventId, seq ≥ 1, type, at, state, history and attachments");
            }
            if (e.type().length() > 32) {
                throw Problem.badRequest("type", "an event type has at most 32 characters");
            }
            for (SyncProtocol.AttachmentRef a : e.attachments()) {
                if (a.sha256() == null || !a.sha256().matches("[0-9a-f]{64}")) {
                    throw Problem.badRequest("attachments", "sha256 must be 64 lower-case hex digits");
                }
            }
            if (SyncProtocol.RATING_ADDED.equals(e.type())) {
                check(e.rating());
            }
            if (SyncProtocol.ALERT_MERGED.equals(e.type()) && (e.alertMerge() == null || e.alertMerge().alertId() < 1)) {
                throw Problem.badRequest("alertMerge", "an alert.merged event needs alertMerge {alertId ≥ 1}");
            }
        }
    }

    /** A {@code rating.added} event's rating: a portal rating of 1–5 stars or a 回访 satisfied or not, naming its edge row. */
    private static void check(SyncProtocol.Rating r) {
        if (r == null || r.ratingId() < 1) {
            throw Problem.badRequest("rating", "a rating.added event needs rating {kind, ratingId ≥ 1, score or satisfied}");
        }
        if (SyncProtocol.Rating.PORTAL.equals(r.kind())) {
            if (r.score() == null || r.score() < 1 || r.score() > 5 || r.satisfied() != null) {
                throw Problem.badRequest("rating", "a PORTAL rating has a score of 1 to 5 (and no satisfied), got score " + r.score()
                        + (r.satisfied() == null ? "" : " and satisfied " + r.satisfied()));
            }
        } else if (SyncProtocol.Rating.CALLBACK.equals(r.kind())) {
            if (r.satisfied() == null || r.score() != null) {
                throw Problem.badRequest("rating", "a CALLBACK rating says satisfied true or false (and has no score)");
            }
        } else {
            String kind = r.kind() == null ? "none" : r.kind().length() > 20 ? r.kind().substring(0, 20) + "…" : r.kind();
            throw Problem.badRequest("rating", "rating kind is PORTAL or CALLBACK, got " + kind);
        }
    }

    /** The highest seq from which every earlier one is stored. */
    private static long contiguous(EntityManager em, String siteId, long from, List<SyncProtocol.Event> fresh) {
        long acked = from;
        for (SyncProtocol.Event event : fresh) { // the usual case: this batch continues right after what was acknowledged
            if (event.seq() != acked + 1) {
                break;
            }
            acked = event.seq();
        }
        while (true) {
            List<Long> next = em.createQuery("select e.seq from HubEvent e where e.siteId = ?1 and e.seq > ?2 order by e.seq", Long.class)
                    .setParameter(1, siteId).setParameter(2, acked).setMaxResults(5000).getResultList();
            long before = acked;
            for (long seq : next) {
                if (seq != acked + 1) {
                    return acked;
                }
                acked = seq;
            }
            if (next.size() < 5000 || acked == before) {
                return acked;
            }
        }
    }

    private static List<String> missing(EntityManager em, Set<String> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        Set<String> have = new HashSet<>(em.createQuery("select b.sha256 from HubBlob b where b.sha256 in ?1", String.class)
                .setParameter(1, refs).getResultList());
        List<String> missing = new ArrayList<>();
        for (String sha : refs) {
            if (!have.contains(sha)) {
                missing.add(sha);
            }
        }
        return missing;
    }
}
