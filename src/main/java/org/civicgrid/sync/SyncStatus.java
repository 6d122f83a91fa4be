package org.civicgrid.sync;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** 上报状况 — what the edge's sync looks like now: backlog, oldest pending event, last success and error, lag. */
@ApplicationScoped
public class SyncStatus {

    /** Lag above which the header badge turns red. */
    static final Duration LATE = Duration.ofMinutes(30);

    private final SyncLedger ledger;
    private final HubLink link;
    private final Clock clock;

    SyncStatus(SyncLedger ledger, HubLink link, Clock clock) {
        this.ledger = ledger;
        this.link = link;
        this.clock = clock;
    }

    /**
     * {@code lagSeconds}: age of the oldest event the hub has not acknowledged (0 when none waits); {@code state}:
     * OFF (no hub set), OK, LATE (lag over 30 min) or FAILING (the last attempt failed).
     */
    @RegisterForReflection
    public record View(boolean configured, String hubUrl, String state, long backlog, Instant oldestPendingAt, long lagSeconds, long ackedSeq,
            Instant lastSuccessAt, Instant lastErrorAt, String lastError, int failures, Instant nextAttemptAt) {
    }

    private volatile View last;

    /** The view computed last (by the relay, a page or every 15 s): the header badge reads it without touching the store. */
    public View cached() {
        return last;
    }

    @io.quarkus.scheduler.Scheduled(every = "15s", delayed = "5s", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        view();
    }

    public View view() {
        SyncState s = ledger.state();
        long backlog = ledger.backlog();
        Instant oldest = backlog == 0 ? null : ledger.oldestPending();
        long lag = oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
        String url = link.url().orElse(null);
        String state = url == null ? "OFF" : s.failures > 0 ? "FAILING" : lag > LATE.toSeconds() ? "LATE" : "OK";
        View view = new View(url != null, url, state, backlog, oldest, lag, s.ackedSeq, s.lastSuccessAt, s.lastErrorAt, s.lastError, s.failures,
                s.nextAttemptAt);
        last = view;
        return view;
    }
}
