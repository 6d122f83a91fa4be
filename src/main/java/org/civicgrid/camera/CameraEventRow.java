package org.civicgrid.camera;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 摄像机事件记录 — an ONVIF notification as received from a camera, for the camera page's recent events. */
@Entity
@Table(name = "camera_event")
public class CameraEventRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "camera_id")
    public Long cameraId;

    public String topic;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public boolean active;

    public String details;

    @Column(name = "received_at")
    public Instant receivedAt;
}
