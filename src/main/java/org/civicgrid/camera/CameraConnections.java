package org.civicgrid.camera;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import org.civicgrid.appliance.SecretBox;
import org.civicgrid.camera.onvif.DeviceTrust;
import org.civicgrid.camera.onvif.HttpOnvifDevice;
import org.civicgrid.camera.onvif.OnvifDevice;
import org.civicgrid.camera.onvif.OnvifException;
import org.civicgrid.camera.onvif.SnapshotFetch;

/**
 * 摄像机连接 — opens a camera's sealed credentials only to talk to it: an {@link OnvifDevice} for a registered or
 * a tried-out camera, and snapshot downloads. One shared HTTP client; https devices are trusted by the JDK's
 * authorities or by the site's file of device certificates ({@link DeviceTrust}).
 */
@ApplicationScoped
class CameraConnections {

    private final SecretBox secrets;
    private final CameraConfig config;
    private final Clock clock;
    private final HttpClient http;
    private final SnapshotFetch snapshots;

    CameraConnections(SecretBox secrets, CameraConfig config, Clock clock) {
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(DeviceTrust.context(config.trustedCertificates())).build();
        this.snapshots = new SnapshotFetch(http, config.timeout());
    }

    OnvifDevice device(Camera camera) {
        if (!camera.onvif()) {
            throw new OnvifException(OnvifException.Kind.FAULT, "camera " + camera.name + " has no ONVIF address");
        }
        return device(camera.onvifAddress, secrets.open(camera.usernameSealed), secrets.open(camera.passwordSealed));
    }

    OnvifDevice device(String address, String username, String password) {
        return HttpOnvifDevice.connect(HttpOnvifDevice.deviceServiceUrl(address), username, password, http, clock, config.timeout());
    }

    byte[] snapshot(Camera camera) {
        if (camera.snapshotUri == null) {
            throw new OnvifException(OnvifException.Kind.FAULT, "camera " + camera.name + " has no snapshot address yet (probe it first)");
        }
        return snapshots.fetch(URI.create(camera.snapshotUri), secrets.open(camera.usernameSealed), secrets.open(camera.passwordSealed));
    }

    String open(String sealed) {
        return secrets.open(sealed);
    }

    String seal(String clear) {
        return secrets.seal(clear);
    }
}
