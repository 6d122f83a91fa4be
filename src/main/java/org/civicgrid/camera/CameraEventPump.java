package org.civicgrid.camera;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.civicgrid.camera.onvif.PullPointSession;

/**
 * 事件订阅泵 — one daemon thread and one PullPoint subscription per enabled ONVIF camera with events on: long-polls,
 * hands the notifications to {@link CameraEvents}, backs off (2 s doubling to {@code max-backoff}) when the camera
 * fails, follows registry changes, and unsubscribes every camera on shutdown, edit and delete (cameras allow only a
 * few subscriptions). Each camera's {@link EventLink} says how its subscription stands.
 */
@ApplicationScoped
public class CameraEventPump {

    private final CameraConnections connections;
    private final CameraEvents events;
    private final CameraConfig config;
    private final Clock clock;
    private final Map<Long, EventWorker> workers = new ConcurrentHashMap<>();
    private final Map<Long, EventLink> links = new ConcurrentHashMap<>();
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
        links.clear();
        workers.values().forEach(EventWorker::stop);
        workers.values().forEach(w -> w.awaitEnd(config.timeout().multipliedBy(2)));
        workers.clear();
    }

    /** Starts a worker for each camera that should have one, stops the others. */
    synchronized void reconcile() {
        Map<Long, String> wanted = QuarkusTransaction.requiringNew().call(() -> Camera.<Camera>list("onvifAddress is not null and eventsEnabled = true")
                .stream().collect(Collectors.toMap(c -> c.id, c -> c.onvifAddress + "|" + c.usernameSealed + "|" + c.passwordSealed)));
        for (Long id : Set.copyOf(workers.keySet())) {
            EventWorker w = workers.get(id);
            if (!w.fingerprint().equals(wanted.get(id))) {
                workers.remove(id).stop();
                links.remove(id);
            }
        }
        wanted.forEach((id, fingerprint) -> {
            if (!workers.containsKey(id)) {
                EventWorker w = new EventWorker(this, id, fingerprint);
                workers.put(id, w);
                links.put(id, EventLink.starting(clock.instant()));
                w.start();
            }
        });
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

    /** How the camera's event subscription stands, while a worker watches it. */
    public Optional<EventLink> link(long cameraId) {
        return Optional.ofNullable(links.get(cameraId));
    }

    /** A worker's news about its camera; ignored once the worker was replaced or stopped. */
    void report(EventWorker worker, UnaryOperator<EventLink> change) {
        if (workers.get(worker.cameraId()) == worker) {
            links.computeIfPresent(worker.cameraId(), (k, old) -> change.apply(old));
        }
    }

    Instant now() {
        return clock.instant();
    }

    CameraEvents events() {
        return events;
    }

    CameraConfig config() {
        return config;
    }

    PullPointSession session(long cameraId) {
        Camera camera = QuarkusTransaction.requiringNew().call(() -> CameraRegistry.find(cameraId));
        return new PullPointSession(connections.device(camera), clock, config.subscriptionTime(), config.pullTimeout(), config.messageLimit());
    }
}
