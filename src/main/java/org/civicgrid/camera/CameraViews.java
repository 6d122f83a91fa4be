package org.civicgrid.camera;

import java.time.Instant;
import java.util.List;

/** 摄像机视图 — what the API and pages show of cameras: never a credential, only whether one is stored. */
public final class CameraViews {

    private CameraViews() {
    }

    /** A camera's facts as stored, and how its event subscription stands. */
    public record CameraView(long id, String name, String onvifAddress, boolean hasCredentials, Double lat, Double lon, Double heading,
            String gridCode, String frigateName, String deviceId, String profileToken, String streamUri, boolean hasSnapshot, String encoding,
            String manufacturer, String model, String firmware, String serialNumber, boolean ptz, boolean eventsEnabled, CameraHealth health,
            String healthMessage, Instant lastSeenAt, Instant checkedAt, List<PresetView> presets, EventLink eventLink) {

        static CameraView of(Camera c, List<PresetView> presets) {
            return new CameraView(c.id, c.name, c.onvifAddress, c.usernameSealed != null || c.passwordSealed != null, c.lat, c.lon, c.heading,
                    c.gridCode, c.frigateName, c.deviceId, c.profileToken, c.streamUri, c.snapshotUri != null, c.encoding, c.manufacturer, c.model,
                    c.firmware, c.serialNumber, c.ptz, c.eventsEnabled, c.health, c.healthMessage, c.lastSeenAt, c.checkedAt, presets, null);
        }

        /** With how its event subscription stands (null when no worker watches it). */
        public CameraView withEvents(java.util.Optional<EventLink> link) {
            return new CameraView(id, name, onvifAddress, hasCredentials, lat, lon, heading, gridCode, frigateName, deviceId, profileToken, streamUri,
                    hasSnapshot, encoding, manufacturer, model, firmware, serialNumber, ptz, eventsEnabled, health, healthMessage, lastSeenAt, checkedAt,
                    presets, link.orElse(null));
        }

        public boolean alarming() {
            return health.alarming();
        }
    }

    /** A PTZ preset and where the camera looks from it. */
    public record PresetView(String token, String name, Double lat, Double lon) {

        static PresetView of(CameraPreset p) {
            return new PresetView(p.token, p.name, p.lat, p.lon);
        }
    }

    /** A camera event as received. */
    public record EventView(Instant occurredAt, String topic, boolean active, String details, Instant receivedAt) {

        static EventView of(CameraEventRow e) {
            return new EventView(e.occurredAt, e.topic, e.active, e.details, e.receivedAt);
        }
    }

    /** A camera near a case, with the preset (if any) that looks closest to it. */
    public record NearbyCamera(long cameraId, String name, double distanceM, String presetToken, String presetName, boolean ptz,
            boolean hasSnapshot, CameraHealth health) {
    }

    /** A device that answered discovery; {@code registeredId} when its address is already registered. */
    public record DiscoveredView(String endpoint, String address, String name, String hardware, String location, Long registeredId) {
    }

    /** Counts by health for the 大屏 and the camera page. */
    public record HealthSummary(long total, long up, long down, long refused, long unknown) {
    }
}
