package org.civicgrid.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.civicgrid.cases.CaseAttachment;
import org.civicgrid.cases.CaseAttachments;
import org.jboss.logging.Logger;

/**
 * 上报中继 — sends the outbox upward: one run at a time, batch after batch from what the hub acknowledged, uploads
 * the attachments the hub lacks, then takes new 上级交办. A failure backs off exponentially with jitter; everything
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
    private final ObjectMapper json;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private final SyncStatus status;

    SyncRelay(SyncConfig config, HubLink link, SyncBatches batches, SyncLedger ledger, AssignmentIntake assignments, CaseAttachments files,
            ObjectMapper json, Clock clock, SyncStatus status) {
        this.status = status;
        this.config = config;
        this.link = link;
        this.batches = batches;
        this.ledger = ledger;
        this.assignments = assignments;
        this.files = files;
        this.json = json;
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
        run(new HttpHubSender(url.get(), token.get(), json, config.timeout()));
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
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Duration wait = backoff(ledger.state().failures + 1);
            ledger.failed(message, wait);
            LOG.warnf("upward sync failed (%s), next attempt in %ds", message, wait.toSeconds());
            return -1;
        } finally {
            running.unlock();
            status.view();
        }
    }

    private long drain(HubSender sender) {
        Instant stopAt = clock.instant().plus(config.runBudget());
        long acknowledged = 0;
        long waiting = ledger.backlog(); // counted once per run (a count of every waiting row per batch grew with the backlog)
        do { // at least one batch per run, then more while the budget lasts
            long acked = ledger.state().ackedSeq;
            batches.number(config.batchSize());
            List<SyncProtocol.Event> events = batches.after(acked, config.batchSize());
            if (events.isEmpty()) {
                break;
            }
            SyncProtocol.Ack ack = sender.send(new SyncProtocol.Batch(SyncProtocol.VERSION, batches.siteId(),
                    Math.max(0, waiting - events.size()), events));
            uploadMissing(sender, ack.missingBlobs());
            if (ack.ackedSeq() < acked) { // the hub lost events (restored from a backup): send again from where it stands
                LOG.warnf("hub acknowledges only up to seq %d, this site had %d acknowledged: re-sending from there", ack.ackedSeq(), acked);
                ledger.rewind(ack.ackedSeq());
                continue;
            }
            if (ack.ackedSeq() == acked) {
                throw new HubSender.SyncException("hub stored nothing of seq " + (acked + 1) + ".." + events.get(events.size() - 1).seq()
                        + " (it acknowledged " + ack.ackedSeq() + ")");
            }
            ledger.acknowledged(ack.ackedSeq());
            acknowledged += ack.ackedSeq() - acked;
            waiting -= ack.ackedSeq() - acked;
        } while (clock.instant().isBefore(stopAt));
        long taken = assignments.pull(sender);
        ledger.succeeded();
        if (acknowledged > 0 || taken > 0) {
            LOG.debugf("upward sync: %d events acknowledged, %d 上级交办 taken", acknowledged, taken);
        }
        return acknowledged;
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
