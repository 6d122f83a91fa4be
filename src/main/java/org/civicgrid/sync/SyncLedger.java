package org.civicgrid.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.civicgrid.appliance.SingleWriter;

/** 上报台账 — the relay's bookkeeping in the store: acknowledgements, successes, failures and the backoff. */
@ApplicationScoped
public class SyncLedger {

    private final Clock clock;

    SyncLedger(Clock clock) {
        this.clock = clock;
    }

    // reads run outside transactions: a transaction on SQLite takes the write lock at BEGIN (IMMEDIATE)
    @jakarta.enterprise.context.control.ActivateRequestContext
    public SyncState state() {
        SyncState.getEntityManager().clear(); // outside a transaction the session lives as long as the request: read afresh
        SyncState s = SyncState.get();
        SyncState.getEntityManager().detach(s);
        return s;
    }

    /** Events not yet acknowledged by the hub. */
    @jakarta.enterprise.context.control.ActivateRequestContext
    public long backlog() {
        return OutboxEntry.count("sentAt is null");
    }

    /** When the first waiting event happened (the queue's head: ids follow commit order; one index probe, not a scan). */
    @jakarta.enterprise.context.control.ActivateRequestContext
    public Instant oldestPending() {
        return OutboxEntry.getEntityManager().createQuery("select o.createdAt from OutboxEntry o where o.sentAt is null order by o.id", Instant.class)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /** Marks everything up to {@code seq} as delivered. */
    @Transactional
    @SingleWriter
    public void acknowledged(long seq) {
        Instant now = clock.instant();
        SyncState s = SyncState.get();
        // a range of the site_seq index (not every waiting row): what this acknowledgement adds
        OutboxEntry.update("sentAt = ?1 where siteSeq > ?2 and siteSeq <= ?3", now, s.ackedSeq, seq);
        s.ackedSeq = Math.max(s.ackedSeq, seq);
        s.lastSuccessAt = now;
        s.lastAttemptAt = now;
        s.failures = 0;
        s.nextAttemptAt = null;
    }

    /** The hub holds less than it once acknowledged: everything after {@code seq} is pending again. */
    @Transactional
    @SingleWriter
    public void rewind(long seq) {
        OutboxEntry.update("sentAt = null where siteSeq > ?1", seq);
        SyncState.get().ackedSeq = seq;
    }

    @Transactional
    @SingleWriter
    public void succeeded() {
        SyncState s = SyncState.get();
        s.lastSuccessAt = clock.instant();
        s.lastAttemptAt = s.lastSuccessAt;
        s.failures = 0;
        s.nextAttemptAt = null;
    }

    @Transactional
    @SingleWriter
    public void failed(String message, Duration wait) {
        SyncState s = SyncState.get();
        Instant now = clock.instant();
        s.lastAttemptAt = now;
        s.lastError = message.length() > 500 ? message.substring(0, 500) : message;
        s.lastErrorAt = now;
        s.failures++;
        s.nextAttemptAt = now.plus(wait);
    }

    @Transactional
    @SingleWriter
    public void tookAssignment(long assignmentId) {
        SyncState s = SyncState.get();
        s.lastAssignment = Math.max(s.lastAssignment, assignmentId);
    }
}
