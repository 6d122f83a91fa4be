package org.civicgrid.camera;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.civicgrid.camera.CameraViews.CameraView;
import org.civicgrid.camera.CameraViews.PresetView;
import org.civicgrid.camera.onvif.HttpOnvifDevice;
import org.civicgrid.camera.onvif.OnvifDevice.Preset;
import org.civicgrid.camera.onvif.OnvifException;
import org.civicgrid.grid.Crs;
import org.civicgrid.grid.GeoLocation;
import org.civicgrid.grid.Geocoder;
import org.civicgrid.web.Problem;

/**
 * 摄像机台账 — adds, changes and removes cameras (credentials sealed, position geocoded to its unit grid), stores what
 * a probe of the camera found (device facts, profile, RTSP/snapshot URIs, PTZ presets) and its health. Network
 * calls happen outside transactions. Every change fires {@link CamerasChanged}.
 */
@ApplicationScoped
public class CameraRegistry {

    private final Geocoder geocoder;
    private final Event<CamerasChanged> changed;
    private final Clock clock;
    private final CameraConnections connections;

    CameraRegistry(Geocoder geocoder, Event<CamerasChanged> changed, Clock clock, CameraConnections connections) {
        this.geocoder = geocoder;
        this.changed = changed;
        this.clock = clock;
        this.connections = connections;
    }

    public static Camera find(long id) {
        return Camera.<Camera>findByIdOptional(id).orElseThrow(() -> Problem.notFound("camera " + id));
    }

    public static CameraView view(Camera c) {
        return CameraView.of(c, presets(c.id));
    }

    public static List<PresetView> presets(long cameraId) {
        return CameraPreset.<CameraPreset>list("cameraId = ?1 order by token", cameraId).stream().map(PresetView::of).toList();
    }

    @Transactional
    public Camera create(CameraForm form) {
        Camera c = new Camera();
        c.createdAt = clock.instant();
        apply(c, form, true);
        c.persist();
        changed.fire(new CamerasChanged());
        return c;
    }

    @Transactional
    public Camera update(long id, CameraForm form) {
        Camera c = find(id);
        apply(c, form, false);
        changed.fire(new CamerasChanged());
        return c;
    }

    @Transactional
    public void delete(long id) {
        find(id).delete();
        changed.fire(new CamerasChanged());
    }

    private void apply(Camera c, CameraForm f, boolean creating) {
        String name = trim(f.name());
        if (name == null || name.length() > 100) {
            throw Problem.badRequest("name", "give the camera a name (at most 100 characters)");
        }
        c.name = name;
        String address = trim(f.onvifAddress());
        try {
            String normalised = address == null ? null : HttpOnvifDevice.deviceServiceUrl(address).toString();
            if (!Objects.equals(normalised, c.onvifAddress)) {
                c.onvifAddress = normalised;
                c.streamUri = null;
                c.snapshotUri = null;
                c.health = CameraHealth.UNKNOWN;
            }
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("onvifAddress", e.getMessage());
        }
        if (f.username() != null) {
            c.usernameSealed = trim(f.username()) == null ? null : connections.seal(f.username().trim());
            c.passwordSealed = trim(f.username()) == null ? null : c.passwordSealed;
        }
        if (f.password() != null && !f.password().isEmpty()) {
            c.passwordSealed = connections.seal(f.password());
        }
        if ((f.lat() == null) != (f.lon() == null)) {
            throw Problem.badRequest(f.lat() == null ? "lat" : "lon", "give both latitude and longitude, or neither");
        }
        if (f.lat() != null) {
            GeoLocation at = geocoder.requireInCounty(f.lat(), f.lon(), Crs.WGS84);
            c.lat = at.lat();
            c.lon = at.lon();
            c.gridCode = at.gridCode();
        } else {
            c.lat = null;
            c.lon = null;
            c.gridCode = null;
        }
        if (f.heading() != null && !(f.heading() >= 0 && f.heading() < 360)) {
            throw Problem.badRequest("heading", "the heading is degrees from north, 0 to 359");
        }
        c.heading = f.heading();
        c.frigateName = unique("frigateName", "frigateName", trim(f.frigateName()), c.id);
        c.deviceId = unique("deviceId", "deviceId", trim(f.deviceId()), c.id);
        if (f.eventsEnabled() != null || creating) {
            c.eventsEnabled = f.eventsEnabled() == null || f.eventsEnabled();
        }
        if (trim(f.profileToken()) != null) {
            c.profileToken = trim(f.profileToken());
        }
    }

    private static String unique(String field, String property, String value, Long self) {
        if (value != null && Camera.count(property + " = ?1 and id <> ?2", value, self == null ? -1L : self) > 0) {
            throw Problem.conflict("duplicate_" + field, field + " " + value + " is already used by another camera");
        }
        return value;
    }

    /** Asks the camera what it is and stores it; a refusal or silence is recorded as its health and answered as 502. */
    public CameraView probe(long id) {
        Camera camera = QuarkusTransaction.requiringNew().call(() -> find(id));
        CameraProbe.Result result;
        try {
            result = CameraProbe.run(connections.device(camera), camera.profileToken);
        } catch (OnvifException e) {
            recordHealth(id, e);
            throw CameraProbe.problem(e);
        }
        return QuarkusTransaction.requiringNew().call(() -> store(id, result));
    }

    private CameraView store(long id, CameraProbe.Result r) {
        Camera c = find(id);
        c.manufacturer = r.info().manufacturer();
        c.model = r.info().model();
        c.firmware = r.info().firmwareVersion();
        c.serialNumber = r.info().serialNumber();
        c.profileToken = r.chosen().token();
        c.encoding = r.chosen().encoding();
        c.streamUri = r.streamUri().toString();
        c.snapshotUri = r.snapshotUri() == null ? null : r.snapshotUri().toString();
        c.ptz = r.chosen().ptz();
        c.health = CameraHealth.UP;
        c.healthMessage = null;
        c.lastSeenAt = clock.instant();
        c.checkedAt = c.lastSeenAt;
        for (Preset p : r.presets()) {
            CameraPreset stored = CameraPreset.<CameraPreset>find("cameraId = ?1 and token = ?2", id, p.token()).firstResultOptional().orElse(null);
            if (stored == null) {
                stored = new CameraPreset();
                stored.cameraId = id;
                stored.token = p.token();
                stored.persist();
            }
            if (stored.name == null) {
                stored.name = p.name(); // an admin's name (and place) for a preset wins over the device's
            }
        }
        changed.fire(new CamerasChanged());
        return view(c);
    }

    /** Sets where the camera looks from a preset (and its name), so alerts and "look at this case" can use it. */
    @Transactional
    public PresetView placePreset(long id, String token, String name, Double lat, Double lon) {
        find(id);
        if (trim(token) == null || token.length() > 64) {
            throw Problem.badRequest("token", "give the preset token (at most 64 characters)");
        }
        CameraPreset p = CameraPreset.<CameraPreset>find("cameraId = ?1 and token = ?2", id, token).firstResultOptional().orElseGet(() -> {
            CameraPreset fresh = new CameraPreset();
            fresh.cameraId = id;
            fresh.token = token;
            return fresh;
        });
        if ((lat == null) != (lon == null)) {
            throw Problem.badRequest(lat == null ? "lat" : "lon", "give both latitude and longitude, or neither");
        }
        if (lat != null) {
            GeoLocation at = geocoder.requireInCounty(lat, lon, Crs.WGS84);
            p.lat = at.lat();
            p.lon = at.lon();
        }
        if (trim(name) != null) {
            p.name = name.trim().length() > 100 ? name.trim().substring(0, 100) : name.trim();
        }
        if (p.id == null) {
            p.persist();
        }
        changed.fire(new CamerasChanged());
        return PresetView.of(p);
    }

    /** Stores the outcome of a health check or a failed call. */
    void recordHealth(long id, OnvifException failure) {
        QuarkusTransaction.requiringNew().run(() -> Camera.<Camera>findByIdOptional(id).ifPresent(c -> {
            c.checkedAt = clock.instant();
            if (failure == null) {
                c.health = CameraHealth.UP;
                c.healthMessage = null;
                c.lastSeenAt = c.checkedAt;
            } else {
                c.health = switch (failure.kind()) {
                    case NOT_AUTHORIZED -> CameraHealth.REFUSED;
                    case UNREACHABLE -> CameraHealth.DOWN;
                    case FAULT -> CameraHealth.FAULTY; // it answered, but not as an ONVIF camera: never 在线
                };
                c.healthMessage = failure.getMessage().length() > 300 ? failure.getMessage().substring(0, 300) : failure.getMessage();
            }
        }));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
