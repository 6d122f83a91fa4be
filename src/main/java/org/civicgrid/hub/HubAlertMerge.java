package org.civicgrid.hub;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 汇聚告警合并 — a camera or drone alert a site merged into one of its still-open cases (重复上报), as its edge sent it up
 * ({@code alert.merged}); stored once per site and edge alert. With the sites' {@code mergeDuplicate} history rows the
 * input of 重复上报数 on the hub.
 */
@Entity
@Table(name = "hub_alert_merge")
public class HubAlertMerge extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "edge_alert_id")
    public long edgeAlertId;

    @Column(name = "edge_case_id")
    public long edgeCaseId;

    /** When the alert came in on the edge: the time it counts at (as on the edge). */
    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "stored_at")
    public Instant storedAt;
}
