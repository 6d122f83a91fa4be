package org.civicgrid.camera;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 摄像机 — one camera of the registry: its name, the names alert sources use for it (the Frigate camera name, a device
 * id in our own alert JSON), where it stands (WGS84, heading in degrees from north) and the unit grid it covers.
 */
@Entity
@Table(name = "camera")
public class Camera extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Column(name = "frigate_name")
    public String frigateName;

    @Column(name = "device_id")
    public String deviceId;

    public Double lat;

    public Double lon;

    public Double heading;

    @Column(name = "grid_code")
    public String gridCode;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The ONVIF device service URL; null for a camera known only by name (Frigate, our own alert JSON). */
    @Column(name = "onvif_address")
    public String onvifAddress;

    /** User name, sealed by {@code SecretBox}. */
    @Column(name = "username_sealed")
    public String usernameSealed;

    /** Password, sealed by {@code SecretBox}. */
    @Column(name = "password_sealed")
    public String passwordSealed;

    @Column(name = "profile_token")
    public String profileToken;

    @Column(name = "stream_uri")
    public String streamUri;

    @Column(name = "snapshot_uri")
    public String snapshotUri;

    public String encoding;

    public String manufacturer;

    public String model;

    public String firmware;

    @Column(name = "serial_number")
    public String serialNumber;

    public boolean ptz;

    @Column(name = "events_enabled")
    public boolean eventsEnabled = true;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public CameraHealth health = CameraHealth.UNKNOWN;

    @Column(name = "health_message")
    public String healthMessage;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "checked_at")
    public Instant checkedAt;

    public boolean onvif() {
        return onvifAddress != null && !onvifAddress.isBlank();
    }

    CameraPlace place() {
        return new CameraPlace(id, name, lat, lon, gridCode);
    }
}
