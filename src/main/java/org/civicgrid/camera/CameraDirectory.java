package org.civicgrid.camera;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * 摄像机目录 — answers "where is this camera?" for the alert triage from memory: by registry id, by the Frigate camera
 * name, by the device id of our own alert JSON, or by the camera's name; and where a PTZ preset looks. Rebuilt after
 * any {@link CamerasChanged}, after commit, so an alert storm never reads the database for it.
 */
@ApplicationScoped
public class CameraDirectory {

    private volatile Snapshot snapshot;

    /** The camera an alert source names: its Frigate camera name, its device id, or its registry name. */
    public Optional<CameraPlace> find(String sourceName) {
        if (sourceName == null || sourceName.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot().byName.get(sourceName.trim()));
    }

    public Optional<CameraPlace> byId(long cameraId) {
        return Optional.ofNullable(snapshot().byId.get(cameraId));
    }

    /** Where the camera looks from a preset: the preset's position when it has one, else the camera's own. */
    public Optional<CameraPlace> atPreset(long cameraId, String presetToken) {
        Snapshot current = snapshot();
        CameraPlace preset = presetToken == null ? null : current.presets.get(cameraId + "|" + presetToken);
        return preset != null ? Optional.of(preset) : Optional.ofNullable(current.byId.get(cameraId));
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) CamerasChanged event) {
        snapshot = null;
    }

    @ActivateRequestContext
    Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = Snapshot.load();
                }
                current = snapshot;
            }
        }
        return current;
    }

    record Snapshot(Map<Long, CameraPlace> byId, Map<String, CameraPlace> byName, Map<String, CameraPlace> presets) {

        static Snapshot load() {
            Map<Long, CameraPlace> byId = new HashMap<>();
            Map<String, CameraPlace> byName = new HashMap<>();
            for (Camera camera : Camera.<Camera>listAll()) {
                CameraPlace place = camera.place();
                byId.put(camera.id, place);
                byName.putIfAbsent(camera.name, place);
                if (camera.deviceId != null) {
                    byName.put(camera.deviceId, place);
                }
                if (camera.frigateName != null) {
                    byName.put(camera.frigateName, place); // the most specific name wins
                }
            }
            Map<String, CameraPlace> presets = new HashMap<>();
            for (CameraPreset preset : CameraPreset.<CameraPreset>listAll()) {
                CameraPlace camera = byId.get(preset.cameraId);
                if (camera != null && preset.lat != null && preset.lon != null) {
                    presets.put(preset.cameraId + "|" + preset.token,
                            new CameraPlace(camera.cameraId(), camera.name(), preset.lat, preset.lon, null));
                }
            }
            return new Snapshot(Map.copyOf(byId), Map.copyOf(byName), Map.copyOf(presets));
        }
    }
}
