package org.civicgrid.camera;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer: the CameraEvents the camera feature fired, as the alert triage would see them. */
@ApplicationScoped
public class CameraEventRecorder {

    private final List<CameraEvent> seen = new CopyOnWriteArrayList<>();

    List<CameraEvent> seen() {
        return List.copyOf(seen);
    }

    void on(@Observes CameraEvent event) {
        seen.add(event);
    }
}
