package org.civicgrid.camera;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Snapshots when no camera client is installed: none. Replaced by any other {@link CameraSnapshots} bean. */
@DefaultBean
@ApplicationScoped
class NoCameraSnapshots implements CameraSnapshots {

    @Override
    public Optional<byte[]> take(long cameraId) {
        return Optional.empty();
    }
}
