package org.civicgrid.camera;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicgrid.camera.CameraViews.HealthSummary;
import org.civicgrid.camera.onvif.OnvifException;

/**
 * 在线巡检 — every {@code civicgrid.camera.health-interval} asks each ONVIF camera for its device information (time
 * first, then a signed call): UP when it answers as ONVIF, REFUSED when it rejects the stored credentials, DOWN when
 * silent, FAULTY when it answers but not as an ONVIF camera. Cameras are checked side by side on a small pool, each
 * call under its total deadline, so one hanging camera never delays the others' health. {@link #summary()} gives
 * the counts for the 大屏.
 */
@ApplicationScoped
public class CameraHealthCheck {

    /** Cameras checked at the same time. */
    static final int PARALLEL = 8;

    private final CameraConnections connections;
    private final CameraRegistry registry;
    private final CameraConfig config;
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
        Thread t = new Thread(r, "camera-health");
        t.setDaemon(true);
        return t;
    });

    CameraHealthCheck(CameraConnections connections, CameraRegistry registry, CameraConfig config) {
        this.connections = connections;
        this.registry = registry;
        this.config = config;
    }

    @Scheduled(every = "${civicgrid.camera.health-interval:60s}", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.healthCheck()) {
            checkAll();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    /** Checks every ONVIF camera now, {@value #PARALLEL} at a time; answers how many answered. */
    public int checkAll() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Camera.<Camera>list("onvifAddress is not null").stream().map(c -> c.id).toList());
        List<Future<CameraHealth>> checks = ids.stream().map(id -> pool.submit(() -> check(id))).toList();
        int up = 0;
        for (Future<CameraHealth> check : checks) {
            try {
                up += check.get() == CameraHealth.UP ? 1 : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return up;
            } catch (ExecutionException e) {
                // the camera's own check failed unexpectedly; the others still count
            }
        }
        return up;
    }

    /** Checks one camera now (also right after an admin saved it, so the page never shows a stale 密码错误). */
    public CameraHealth check(long id) {
        Camera camera = QuarkusTransaction.requiringNew().call(() -> Camera.<Camera>findByIdOptional(id).orElse(null));
        if (camera == null || !camera.onvif()) {
            return CameraHealth.UNKNOWN;
        }
        OnvifException failure = null;
        try {
            connections.device(camera).deviceInformation();
        } catch (OnvifException e) {
            failure = e;
        }
        registry.recordHealth(id, failure);
        return QuarkusTransaction.requiringNew().call(() -> CameraRegistry.find(id).health);
    }

    /** Cameras by health, for the 大屏 and the camera page; a camera that answers but not as ONVIF counts as down. */
    public HealthSummary summary() {
        return QuarkusTransaction.joiningExisting().call(() -> new HealthSummary(Camera.count(), Camera.count("health", CameraHealth.UP),
                Camera.count("health in ?1", List.of(CameraHealth.DOWN, CameraHealth.FAULTY)), Camera.count("health", CameraHealth.REFUSED),
                Camera.count("health", CameraHealth.UNKNOWN)));
    }
}
