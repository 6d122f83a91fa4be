package org.civicgrid.hub;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 已收事件 — one edge event the hub stored, unique by (site, seq) and by (site, eventId). */
@Entity
@Table(name = "hub_event")
public class HubEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public String siteId;

    public long seq;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "edge_case_id")
    public long edgeCaseId;

    @Column(name = "event_type")
    public String eventType;

    public Instant at;

    @Column(name = "received_at")
    public Instant receivedAt;
}
