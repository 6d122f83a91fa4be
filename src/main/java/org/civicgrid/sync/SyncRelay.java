package org.civicgrid.sync;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.civicgrid.cases.CaseAttachment;
import org.civicgrid.cases.CaseAttachments;
import org.jboss.logging.Logger;

/**
 * 上报中继 — sends the outbox upward: one run at a time, batch after batch from what the hub acknowledged (a few
 * in flight at once), uploads the attachments the hub lacks, then takes new 上级交办. A failure backs off exponentially with jitter; everything
 * it needs to resume (numbers, acknowledgement) is in the store, so a restart or a hub down for days loses nothing.
 */
@ApplicationScoped
public class SyncRelay {

    private static final Logger LOG = Logger.getLogger(SyncRelay.class);

    private final SyncConfig config;
    private final HubLink link;
    private final SyncBatches batches;
    private final SyncLedger ledger;
    private final AssignmentIntake assignments;
    private final CaseAttachments files;
    private final HubSenders senders;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private final SyncStatus status;

    SyncRelay(SyncConfig config, HubLink link, SyncBatches batches, SyncLedger ledger, AssignmentIntake assignments, CaseAttachments files,
            HubSenders senders, Clock clock, SyncStatus status) {
        this.status = status;
        this.config = config;
        this.link = link;
        this.batches = batches;
        this.ledger = ledger;
        this.assignments = assignments;
        this.files = files;
        this.senders = senders;
        this.clock = clock;
    }

    @Scheduled(every = "${civicgrid.hub.interval:5s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.relay()) {
            return;
        }
        Optional<String> url = link.url();
        Optional<String> token = link.token();
        if (url.isEmpty() || token.isEmpty()) {
            return;
        }
        SyncState state = ledger.state();
        if (state.nextAttemptAt != null && clock.instant().isBefore(state.nextAttemptAt)) {
            return;
        }
        HubSender sender;
        try {
            sender = senders.forHub(url.get(), token.get());
        } catch (RuntimeException e) { // e.g. a TLS configuration that names a missing key store: shown on /sync like any failure
            failed(e);
            return;
        }
        run(sender);
    }

    /**
     * One relay run with this sender: drains as much as the run budget allows. Returns the events the hub newly
     * acknowledged; a failure is recorded (backoff) and answered with -1. A run already going makes this one skip (0).
     */
    public long run(HubSender sender) {
        if (!running.tryLock()) {
            return 0;
        }
        try {
            return drain(sender);
        } catch (RuntimeException e) {
            failed(e);
            return -1;
        } finally {
            running.unlock();
            status.view();
        }
    }

    private void failed(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Duration wait = backoff(ledger.state().failures + 1);
        ledger.failed(message, wait);
        LOG.warnf("upward sync failed (%s), next attempt in %ds", message, wait.toSeconds());
    }

    /**
     * Sends batch after batch from what the hub acknowledged, up to {@code in-flight} of them at once, and takes the
     * answers in the order the batches went: each answer's {@code ackedSeq} is recorded when it moves forward. The hub
     * stores batches of one site one after another (its row lock), and the one it stores last acknowledges all of
     * them; so once an answer is taken, the acknowledgement covers that batch — unless the hub lacks something: it
     * acknowledged less than it had before (restored from a backup: everything after its answer goes again) or it
     * kept a gap (the next batch starts again after its acknowledgement, and an answer without any progress fails the
     * run, which backs off).
     */
    private long drain(HubSender sender) {
        Instant stopAt = clock.instant().plus(config.runBudget());
        int depth = Math.max(1, config.inFlight());
        int size = Math.max(1, Math.min(config.batchSize(), SyncBatches.MAX_EVENTS));
        long bytes = config.batchBytes().asLongValue();
        long acked = ledger.state().ackedSeq;
        long sent = acked; // the last seq handed to the sender
        long numbered = acked; // the highest seq given so far (numbering first)
        long waiting = ledger.backlog(); // counted once per run (a count of every waiting row per batch grew with the backlog)
        long acknowledged = 0;
        boolean more = true;
        Deque<InFlight> window = new ArrayDeque<>();
        long started = System.nanoTime();
        long reading = 0;
        long waitingForHub = 0;
        long recording = 0;
        int sentBatches = 0;
        while (true) {
            // at least one batch per run, more while the budget lasts
            while (more && window.size() < depth && (sentBatches == 0 || clock.instant().isBefore(stopAt))) {
                long t0 = System.nanoTime();
                if (numbered - sent < size) {
                    numbered = batches.number(size * depth);
                }
                List<SyncProtocol.Event> events = batches.after(sent, size, bytes);
                reading += System.nanoTime() - t0;
                if (events.isEmpty()) {
                    more = false;
                    break;
                }
                long last = events.get(events.size() - 1).seq();
                window.add(new InFlight(acked, last, sender.sendAsync(new SyncProtocol.Batch(SyncProtocol.VERSION, batches.siteId(),
                        Math.max(0, waiting - (last - acked)), events))));
                sent = last;
                sentBatches++;
            }
            InFlight head = window.poll();
            if (head == null) {
                break;
            }
            long t1 = System.nanoTime();
            SyncProtocol.Ack ack = answer(head.answer());
            waitingForHub += System.nanoTime() - t1;
            uploadMissing(sender, ack.missingBlobs());
            if (ack.ackedSeq() < head.ackedBefore()) { // the hub lost events (restored from a backup): send again from where it stands
                LOG.warnf("hub acknowledges only up to seq %d, this site had %d acknowledged: re-sending from there", ack.ackedSeq(), acked);
                ledger.rewind(ack.ackedSeq());
                window.clear(); // answers still coming are of batches that go again
                acked = sent = ack.ackedSeq();
                more = true;
                continue;
            }
            if (ack.ackedSeq() > acked) {
                long t2 = System.nanoTime();
                ledger.acknowledged(ack.ackedSeq());
                recording += System.nanoTime() - t2;
                acknowledged += ack.ackedSeq() - acked;
                waiting -= ack.ackedSeq() - acked;
                acked = ack.ackedSeq();
            }
            if (acked < head.last()) { // a gap the hub did not fill: everything after its acknowledgement goes again
                if (acked == head.ackedBefore()) {
                    throw new HubSender.SyncException("hub stored nothing of seq " + (acked + 1) + ".." + head.last() + " (it acknowledged "
                            + ack.ackedSeq() + ")");
                }
                window.clear();
                sent = acked;
                more = true;
            }
        }
        long taken = assignments.pull(sender);
        ledger.succeeded();
        if (acknowledged > 0 || taken > 0) { // where a run's time goes (bench/README.md, "Upward sync")
            LOG.debugf("upward sync: %d events acknowledged in %d batches, %d 上级交办 taken; %d ms in all: reading %d, waiting for the hub %d,"
                    + " recording %d", acknowledged, sentBatches, taken, ms(System.nanoTime() - started), ms(reading), ms(waitingForHub), ms(recording));
        }
        return acknowledged;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** A batch on its way: the acknowledgement when it was sent, its last seq, the hub's answer to come. */
    private record InFlight(long ackedBefore, long last, CompletableFuture<SyncProtocol.Ack> answer) {
    }

    private SyncProtocol.Ack answer(CompletableFuture<SyncProtocol.Ack> answer) {
        try {
            return answer.get(config.timeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new HubSender.SyncException(String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new HubSender.SyncException("no answer from the hub within " + config.timeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubSender.SyncException("interrupted", e);
        }
    }

    private void uploadMissing(HubSender sender, List<String> missing) {
        if (missing == null) {
            return;
        }
        for (String sha256 : missing) {
            Optional<CaseAttachment> attachment = batches.attachment(sha256);
            if (attachment.isEmpty()) {
                LOG.warnf("hub asked for attachment %s, which this site does not hold", sha256);
                continue;
            }
            Path file = files.file(attachment.get());
            if (!Files.isRegularFile(file)) {
                LOG.warnf("attachment %s is missing on disk (%s): the hub will ask again", sha256, file);
                continue;
            }
            sender.upload(sha256, attachment.get().contentType, file);
        }
    }

    /** The wait before attempt {@code failures + 1}: min × 2^(failures−1), capped, with "equal jitter" (half fixed, half random). */
    Duration backoff(int failures) {
        long min = config.backoffMin().toMillis();
        long max = config.backoffMax().toMillis();
        long exp = failures >= 30 ? max : Math.min(max, min << Math.max(0, failures - 1));
        long half = exp / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
