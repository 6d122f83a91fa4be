package org.civicgrid.camera;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.civicgrid.camera.CameraViews.HealthSummary;
import org.civicgrid.camera.onvif.OnvifException;

/**
 * 在线巡检 — every {@code civicgrid.camera.health-interval} asks each ONVIF camera for its device information (time
 * first, then a signed call): UP when it answers, REFUSED when it rejects the stored credentials, DOWN when silent.
 * {@link #summary()} gives the counts for the 大屏.
 */
@ApplicationScoped
public class CameraHealthCheck {

    private final CameraConnections connections;
    private final CameraRegistry registry;
    private final CameraConfig config;

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

    /** Checks every ONVIF camera now; answers how many answered. */
    public int checkAll() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Camera.<Camera>list("onvifAddress is not null").stream().map(c -> c.id).toList());
        int up = 0;
        for (long id : ids) {
            up += check(id) == CameraHealth.UP ? 1 : 0;
        }
        return up;
    }

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

    /** Cameras by health, for the 大屏 and the camera page. */
    public HealthSummary summary() {
        return QuarkusTransaction.joiningExisting().call(() -> new HealthSummary(Camera.count(), Camera.count("health", CameraHealth.UP),
                Camera.count("health", CameraHealth.DOWN), Camera.count("health", CameraHealth.REFUSED), Camera.count("health", CameraHealth.UNKNOWN)));
    }
}
