package org.civicgrid.camera;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.civicgrid.camera.onvif.OnvifDevice;
import org.civicgrid.camera.onvif.OnvifDevice.Recording;
import org.civicgrid.camera.onvif.OnvifException;

/**
 * 录像回放 (ONVIF) — asks a camera's services (GetServices, or GetCapabilities' extension on older cameras) whether it
 * records; if so its recordings (GetRecordings) and the replay URI of the first one with a video track (GetReplayUri).
 * A camera that names the services but answers their calls with a fault is taken as one without recordings.
 */
@ApplicationScoped
class OnvifRecordings implements CameraRecordings {

    private final CameraConnections connections;

    OnvifRecordings(CameraConnections connections) {
        this.connections = connections;
    }

    @Override
    public Optional<URI> replayUri(long cameraId) {
        Camera camera = QuarkusTransaction.requiringNew().call(() -> Camera.<Camera>findByIdOptional(cameraId).orElse(null));
        if (camera == null || !camera.onvif()) {
            return Optional.empty();
        }
        OnvifDevice device = connections.device(camera);
        if (!device.services().records()) {
            return Optional.empty(); // no Profile G: nothing to replay
        }
        try {
            return chosen(device.recordings()).map(r -> device.replayUri(r.token()));
        } catch (OnvifException e) {
            if (e.kind() == OnvifException.Kind.FAULT) {
                return Optional.empty(); // it names the services but refuses the calls (ActionNotSupported): as without
            }
            throw e;
        }
    }

    /** The first recording with video, else the first. */
    static Optional<Recording> chosen(List<Recording> recordings) {
        return recordings.stream().filter(Recording::hasVideo).findFirst().or(() -> recordings.stream().findFirst());
    }
}
