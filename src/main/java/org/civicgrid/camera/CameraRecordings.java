package org.civicgrid.camera;

import java.net.URI;
import java.util.Optional;

/**
 * 录像回放 — where a registered camera keeps recordings (ONVIF Profile G: recording and replay services), the RTSP URI
 * that replays them, for a case's replay link. A camera without recordings answers empty and is simply skipped.
 */
public interface CameraRecordings {

    /**
     * The replay URI of the camera's video recording; empty when the camera has no ONVIF address, no recording or
     * replay service, or no recording. Throws {@link org.civicgrid.camera.onvif.OnvifException} when the camera cannot
     * be asked now (unreachable, refused), so the caller tries again later.
     */
    Optional<URI> replayUri(long cameraId);
}
