package org.civicgrid.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * 告警接收队列 — the single writer of alerts: messages from the MQTT link (and ONVIF events) queue here; one thread
 * takes up to {@code civicgrid.alerts.batch-size} at a time and writes them in one transaction through
 * {@link AlertStore}; only then are the messages acknowledged to the broker and device replies published. A batch
 * that fails is written again message by message, and a message that still fails is kept for review with the error:
 * one bad alert never stops the others, and nothing is acknowledged that is not stored.
 */
@ApplicationScoped
public class AlertIngest {

    private static final Logger LOG = Logger.getLogger(AlertIngest.class);

    /** A queued message with what to do once it is stored. */
    record Pending(AlertStore.Inbound inbound, Runnable ack, Instant sentAt) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AlertStore store;
    private final AlertConfig config;
    private final Clock clock;
    private final Timer latency;
    private final Counter stored;
    private volatile Consumer<Alert.Reply> replies = r -> {
    };
    private volatile Thread writer;
    private final java.util.concurrent.atomic.AtomicInteger uncommitted = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean running = true;

    AlertIngest(AlertStore store, AlertConfig config, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.latency = Timer.builder("civicgrid.alerts.latency").description("alert sent (occurredAt) or received → stored and committed")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
        this.stored = Counter.builder("civicgrid.alerts.stored").register(registry);
        io.micrometer.core.instrument.Gauge.builder("civicgrid.alerts.uncommitted", uncommitted, java.util.concurrent.atomic.AtomicInteger::get)
                .description("messages received and not yet committed (and so not yet acknowledged to the broker)").register(registry);
    }

    /** Where device replies (DJI events_reply) go once their alert is stored. */
    void replyWith(Consumer<Alert.Reply> publisher) {
        this.replies = publisher;
    }

    /** Queues one message; {@code ack} runs after its batch is committed (null for in-appliance events). */
    public void offer(AlertStore.Inbound inbound, Runnable ack, Instant sentAt) {
        ensureWriter();
        uncommitted.incrementAndGet();
        queue.add(new Pending(inbound, ack, sentAt));
    }

    /** Messages waiting for the writer. */
    public int backlog() {
        return queue.size();
    }

    private void ensureWriter() {
        if (writer == null) {
            synchronized (this) {
                if (writer == null) {
                    Thread t = new Thread(this::run, "alert-writer");
                    t.setDaemon(true);
                    t.start();
                    writer = t;
                }
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = writer;
        if (t != null) {
            t.interrupt();
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(config.batchSize());
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.batchSize() - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "alert batch of %d could not be stored; the messages stay unacknowledged and come again", batch.size());
                sleep(Duration.ofSeconds(1));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<AlertStore.Stored> result;
        try {
            result = store.write(batch.stream().map(Pending::inbound).toList());
        } catch (RuntimeException e) {
            store.indexStale();
            if (batch.size() == 1) {
                result = List.of(alone(batch.get(0), e));
            } else {
                LOG.warnf("alert batch of %d failed (%s): storing one by one", batch.size(), e.toString());
                result = new ArrayList<>();
                for (Pending p : batch) {
                    try {
                        result.addAll(store.write(List.of(p.inbound())));
                    } catch (RuntimeException one) {
                        store.indexStale();
                        result.add(alone(p, one));
                    }
                }
            }
        }
        Instant now = clock.instant();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            if (p.ack() != null) {
                p.ack().run();
            }
            uncommitted.decrementAndGet();
            AlertStore.Stored s = result.get(i);
            if (s.reply() != null) {
                replies.accept(s.reply());
            }
            if (!s.duplicate()) {
                stored.increment();
                Instant from = p.sentAt() != null ? p.sentAt() : p.inbound().receivedAt();
                latency.record(Duration.between(from, now).abs());
            }
        }
    }

    /** A message whose storing failed even alone: kept as REVIEW with the error, so the acceptor sees it. */
    private AlertStore.Stored alone(Pending p, RuntimeException error) {
        String reason = "could not be processed: " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        LOG.warnf("alert on %s kept for review: %s", p.inbound().topic(), reason);
        return store.keepForReview(p.inbound(), reason);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
