package org.civicgrid.camera;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.civicgrid.camera.onvif.OnvifException;
import org.civicgrid.camera.onvif.PullPointSession;
import org.jboss.logging.Logger;

/**
 * 事件订阅泵 — one daemon thread and one PullPoint subscription per enabled ONVIF camera with events on: long-polls,
 * hands the notifications to {@link CameraEvents}, backs off (2 s doubling to {@code max-backoff}) when the camera
 * fails, follows registry changes, and unsubscribes every camera on shutdown (cameras allow only a few subscriptions).
 */
@ApplicationScoped
public class CameraEventPump {

    private static final Logger LOG = Logger.getLogger(CameraEventPump.class);

    private final CameraConnections connections;
    private final CameraEvents events;
    private final CameraConfig config;
    private final Clock clock;
    private final Map<Long, Worker> workers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean changed;

    CameraEventPump(CameraConnections connections, CameraEvents events, CameraConfig config, Clock clock) {
        this.connections = connections;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.events()) {
            watchAll();
        }
    }

    /** Noted after commit; the workers follow within seconds (no store access inside the commit callback). */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CamerasChanged event) {
        changed = true;
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void followChanges() {
        if (running && changed) {
            changed = false;
            reconcile();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopAll();
    }

    /** Starts watching every enabled camera's events (on start-up when {@code civicgrid.camera.events} is on). */
    public void watchAll() {
        running = true;
        reconcile();
    }

    /** Stops every worker; each unsubscribes from its camera. */
    public synchronized void stopAll() {
        running = false;
        workers.values().forEach(Worker::stop);
        workers.values().forEach(Worker::awaitEnd);
        workers.clear();
    }

    /** Starts a worker for each camera that should have one, stops the others. */
    synchronized void reconcile() {
        Map<Long, String> wanted = QuarkusTransaction.requiringNew().call(() -> Camera.<Camera>list("onvifAddress is not null and eventsEnabled = true")
                .stream().collect(Collectors.toMap(c -> c.id, c -> c.onvifAddress + "|" + c.usernameSealed + "|" + c.passwordSealed)));
        for (Long id : Set.copyOf(workers.keySet())) {
            Worker w = workers.get(id);
            if (!w.fingerprint.equals(wanted.get(id))) {
                workers.remove(id).stop();
            }
        }
        wanted.forEach((id, fingerprint) -> workers.computeIfAbsent(id, k -> Worker.start(this, k, fingerprint)));
    }

    /** Cameras with a running subscription worker. */
    public Set<Long> watched() {
        return Set.copyOf(workers.keySet());
    }

    /** One pull for one camera in the caller's thread (tests and "check now"): the session is closed afterwards. */
    public int pullOnce(long cameraId) {
        try (PullPointSession session = session(cameraId)) {
            return events.accept(cameraId, session.pull());
        }
    }

    private PullPointSession session(long cameraId) {
        Camera camera = QuarkusTransaction.requiringNew().call(() -> CameraRegistry.find(cameraId));
        return new PullPointSession(connections.device(camera), clock, config.subscriptionTime(), config.pullTimeout(), config.messageLimit());
    }

    /** The thread of one camera. */
    private static final class Worker implements Runnable {

        private final CameraEventPump pump;
        private final long cameraId;
        private final String fingerprint;
        private final Thread thread;
        private volatile boolean stopped;

        private Worker(CameraEventPump pump, long cameraId, String fingerprint) {
            this.pump = pump;
            this.cameraId = cameraId;
            this.fingerprint = fingerprint;
            this.thread = new Thread(this, "camera-events-" + cameraId);
            thread.setDaemon(true);
        }

        static Worker start(CameraEventPump pump, long cameraId, String fingerprint) {
            Worker w = new Worker(pump, cameraId, fingerprint);
            w.thread.start();
            return w;
        }

        void stop() {
            stopped = true;
            thread.interrupt();
        }

        void awaitEnd() {
            try {
                thread.join(pump.config.timeout().multipliedBy(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            Duration backoff = Duration.ofSeconds(2);
            PullPointSession session = null;
            try {
                while (!stopped) {
                    try {
                        if (session == null) {
                            session = pump.session(cameraId);
                        }
                        long started = System.nanoTime();
                        int raised = pump.events.accept(cameraId, session.pull());
                        backoff = Duration.ofSeconds(2);
                        if (raised == 0 && System.nanoTime() - started < 500_000_000L) {
                            Thread.sleep(500); // a camera that answers at once instead of long-polling
                        }
                    } catch (OnvifException | org.civicgrid.web.Problem e) {
                        if (stopped) {
                            break;
                        }
                        LOG.debugf("camera %d events: %s; retry in %s", cameraId, e.getMessage(), backoff);
                        Thread.sleep(backoff.toMillis());
                        backoff = backoff.multipliedBy(2).compareTo(pump.config.maxBackoff()) > 0 ? pump.config.maxBackoff() : backoff.multipliedBy(2);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!stopped) {
                    LOG.warnf(e, "camera %d events stopped", cameraId);
                }
            } finally {
                if (session != null) {
                    Thread.interrupted(); // clear, so the Unsubscribe can go out
                    session.close();
                }
            }
        }
    }
}
