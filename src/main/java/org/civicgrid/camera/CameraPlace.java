package org.civicgrid.camera;

/**
 * 摄像机点位 — what the alert triage needs of a camera: its id and name and the point it looks at (the camera's own
 * position, or a preset's), with the unit grid there. {@code lat}/{@code lon} are null for a camera not yet placed.
 */
public record CameraPlace(long cameraId, String name, Double lat, Double lon, String gridCode) {

    public boolean located() {
        return lat != null && lon != null;
    }
}
