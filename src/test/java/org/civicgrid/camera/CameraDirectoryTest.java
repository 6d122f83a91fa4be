package org.civicgrid.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The directory finds the demo cameras by their Frigate names and follows changes after commit. */
@QuarkusTest
class CameraDirectoryTest {

    @Inject
    CameraDirectory directory;

    @Inject
    Event<CamerasChanged> changed;

    @Test
    void findsDemoCamerasByFrigateNameWithTheirGrid() {
        CameraPlace frontCam = directory.find("front_cam").orElseThrow();
        assertTrue(frontCam.located());
        assertEquals(35.6600, frontCam.lat(), 1e-9);
        assertNotNull(frontCam.gridCode());
        assertEquals(15, frontCam.gridCode().length());
        assertEquals(frontCam, directory.byId(frontCam.cameraId()).orElseThrow());
        assertEquals(frontCam, directory.find(frontCam.name()).orElseThrow());
        assertFalse(directory.find("no_such_camera").isPresent());
        assertFalse(directory.find(" ").isPresent());
    }

    @Test
    void presetsAndChangesAreSeenAfterCommit() {
        long id = directory.find("front_door").orElseThrow().cameraId();
        assertEquals(directory.byId(id), directory.atPreset(id, "p-test"), "unknown preset: the camera itself");
        QuarkusTransaction.requiringNew().run(() -> {
            CameraPreset preset = new CameraPreset();
            preset.cameraId = id;
            preset.token = "p-test";
            preset.name = "路口";
            preset.lat = 35.6651;
            preset.lon = 117.2633;
            preset.persist();
            changed.fire(new CamerasChanged());
        });
        CameraPlace atPreset = directory.atPreset(id, "p-test").orElseThrow();
        assertEquals(35.6651, atPreset.lat(), 1e-9);
        assertEquals(id, atPreset.cameraId());
        QuarkusTransaction.requiringNew().run(() -> {
            CameraPreset.delete("cameraId = ?1 and token = ?2", id, "p-test");
            changed.fire(new CamerasChanged());
        });
        assertEquals(directory.byId(id), directory.atPreset(id, "p-test"));
    }
}
