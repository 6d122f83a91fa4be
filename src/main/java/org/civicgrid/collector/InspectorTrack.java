package org.civicgrid.collector;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 巡查轨迹点 — one position of an on-duty inspector, with the unit grid it lies in. */
@Entity
@Table(name = "inspector_track")
public class InspectorTrack extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "staff_id")
    public Long staffId;

    public Instant at;
    public double lat;
    public double lon;

    @Column(name = "accuracy_m")
    public Double accuracyM;

    @Column(name = "grid_code")
    public String gridCode;

    @Column(name = "received_at")
    public Instant receivedAt;
}
