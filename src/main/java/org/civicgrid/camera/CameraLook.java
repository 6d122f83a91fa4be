package org.civicgrid.camera;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.civicgrid.camera.CameraViews.NearbyCamera;
import org.civicgrid.camera.onvif.OnvifException;
import org.civicgrid.cases.CaseAttachment;
import org.civicgrid.cases.CaseAttachments;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.web.Problem;

/**
 * 案卷看图 — the cameras near a case (each with the preset that looks closest to it), "look at this case" (send the
 * nearest PTZ camera to that preset) and "attach a snapshot" (a camera's JPEG stored as the case's photo evidence).
 */
@ApplicationScoped
public class CameraLook {

    private final CameraConnections connections;
    private final CameraEvents events;
    private final CaseAttachments attachments;
    private final CameraConfig config;
    private final CameraRegistry registry;

    CameraLook(CameraConnections connections, CameraEvents events, CaseAttachments attachments, CameraConfig config, CameraRegistry registry) {
        this.connections = connections;
        this.events = events;
        this.attachments = attachments;
        this.config = config;
        this.registry = registry;
    }

    /** Nearest first, within {@code nearby-metres}; empty for a case without a position. */
    public List<NearbyCamera> near(long caseId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            CaseFile c = caseFile(caseId);
            if (c.lat == null || c.lon == null) {
                return List.<NearbyCamera>of();
            }
            List<NearbyCamera> near = new ArrayList<>();
            for (Camera cam : Camera.<Camera>listAll()) {
                double best = cam.lat == null ? Double.MAX_VALUE : metres(c.lat, c.lon, cam.lat, cam.lon);
                CameraPreset bestPreset = null;
                for (CameraPreset p : CameraPreset.<CameraPreset>list("cameraId", cam.id)) {
                    if (p.lat != null && metres(c.lat, c.lon, p.lat, p.lon) < best) {
                        best = metres(c.lat, c.lon, p.lat, p.lon);
                        bestPreset = p;
                    }
                }
                if (best <= config.nearbyMetres()) {
                    near.add(new NearbyCamera(cam.id, cam.name, Math.round(best), bestPreset == null ? null : bestPreset.token,
                            bestPreset == null ? null : bestPreset.name, cam.ptz && cam.onvif(), cam.snapshotUri != null, cam.health));
                }
            }
            near.sort(Comparator.comparingDouble(NearbyCamera::distanceM));
            return near;
        });
    }

    /**
     * Sends the nearest answering PTZ camera with a preset near the case to that preset; a camera known to be down or
     * that does not answer now is passed over for the next one. Answers which camera moved.
     */
    public NearbyCamera look(long caseId) {
        List<NearbyCamera> candidates = near(caseId).stream().filter(n -> n.ptz() && n.presetToken() != null && !n.health().alarming()).toList();
        Problem last = new Problem(409, "no_camera", null, "no answering PTZ camera has a preset within " + (int) config.nearbyMetres() + " m of case " + caseId);
        for (NearbyCamera target : candidates) {
            try {
                gotoPreset(target.cameraId(), target.presetToken());
                return target;
            } catch (Problem problem) {
                if (!"camera_unreachable".equals(problem.code())) {
                    throw problem;
                }
                last = problem;
            }
        }
        throw last;
    }

    /** GotoPreset on the camera's profile. */
    public void gotoPreset(long cameraId, String presetToken) {
        Camera camera = QuarkusTransaction.requiringNew().call(() -> CameraRegistry.find(cameraId));
        if (camera.profileToken == null) {
            throw new Problem(409, "not_probed", null, "probe camera " + camera.name + " first: its media profile is not known");
        }
        try {
            connections.device(camera).gotoPreset(camera.profileToken, presetToken);
        } catch (OnvifException e) {
            throw failed(cameraId, e);
        }
        events.movedTo(cameraId, presetToken);
    }

    /** A snapshot from the camera now, or 502 saying why not. */
    public byte[] snapshot(long cameraId) {
        Camera camera = QuarkusTransaction.requiringNew().call(() -> CameraRegistry.find(cameraId));
        try {
            return connections.snapshot(camera);
        } catch (OnvifException e) {
            throw failed(cameraId, e);
        }
    }

    /** Takes a snapshot and stores it as a photo of the case. */
    public CaseAttachment attachSnapshot(long caseId, long cameraId, String username) {
        CaseFile c = QuarkusTransaction.requiringNew().call(() -> caseFile(caseId));
        byte[] jpeg = snapshot(cameraId);
        Path temp = null;
        try {
            temp = Files.createTempFile("civicgrid-snapshot", ".jpg");
            Files.write(temp, jpeg);
            String name = "camera-" + cameraId + "-snapshot.jpg";
            Path upload = temp;
            return QuarkusTransaction.requiringNew().call(() -> attachments.store(CaseFile.findById(c.id), upload, name, username));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                temp.toFile().delete();
            }
        }
    }

    /** A camera that is silent or refuses its password shows so at once, not only at the next health check. */
    private Problem failed(long cameraId, OnvifException e) {
        if (e.kind() != OnvifException.Kind.FAULT) {
            registry.recordHealth(cameraId, e);
        }
        return CameraProbe.problem(e);
    }

    private static CaseFile caseFile(long id) {
        return CaseFile.<CaseFile>findByIdOptional(id).orElseThrow(() -> Problem.notFound("case " + id));
    }

    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double r = 6_371_008.8;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }
}
