package org.civicgrid.camera;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.civicgrid.camera.onvif.OnvifException;
import org.jboss.logging.Logger;

/**
 * 抓拍 (ONVIF) — a JPEG from the camera's snapshot URI with its credentials (HTTP Digest when asked); replaces
 * {@link NoCameraSnapshots}, so the alert triage attaches real evidence.
 */
@ApplicationScoped
class OnvifSnapshots implements CameraSnapshots {

    private static final Logger LOG = Logger.getLogger(OnvifSnapshots.class);

    private final CameraConnections connections;

    OnvifSnapshots(CameraConnections connections) {
        this.connections = connections;
    }

    @Override
    public Optional<byte[]> take(long cameraId) {
        Camera camera = QuarkusTransaction.requiringNew().call(() -> Camera.<Camera>findByIdOptional(cameraId).orElse(null));
        if (camera == null || camera.snapshotUri == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(connections.snapshot(camera));
        } catch (OnvifException e) {
            LOG.warnf("no snapshot from camera %d: %s", cameraId, e.getMessage());
            return Optional.empty();
        }
    }
}
