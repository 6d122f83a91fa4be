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

    CameraPlace place() {
        return new CameraPlace(id, name, lat, lon, gridCode);
    }
}
