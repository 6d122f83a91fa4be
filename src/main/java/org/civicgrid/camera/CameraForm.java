package org.civicgrid.camera;

/**
 * 摄像机登记表 — what an admin sends to add or change a camera. {@code password} null keeps the stored one; an empty
 * {@code username} removes the credentials. Positions are WGS84 decimal degrees.
 */
public record CameraForm(String name, String onvifAddress, String username, String password, Double lat, Double lon, Double heading,
        String frigateName, String deviceId, Boolean eventsEnabled, String profileToken) {
}
