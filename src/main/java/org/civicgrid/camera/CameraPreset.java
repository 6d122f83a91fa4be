package org.civicgrid.camera;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 预置位 — a PTZ preset of a camera (its ONVIF token) and the ground position the camera looks at from it. */
@Entity
@Table(name = "camera_preset")
public class CameraPreset extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "camera_id")
    public Long cameraId;

    public String token;

    public String name;

    public Double lat;

    public Double lon;
}
