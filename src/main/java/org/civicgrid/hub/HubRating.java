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
 * 汇聚评价 — one 公众评价 ({@code PORTAL}, 1–5 stars) or 回访 ({@code CALLBACK}, satisfied or not) of a site's case, as
 * its edge sent it up ({@code rating.added}); stored once per site, kind and edge row. The input of 公众满意度 on the hub.
 */
@Entity
@Table(name = "hub_rating")
public class HubRating extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public String siteId;

    public String kind;

    @Column(name = "edge_rating_id")
    public long edgeRatingId;

    @Column(name = "edge_case_id")
    public long edgeCaseId;

    public Integer score;

    public Boolean satisfied;

    @Column(name = "rated_at")
    public Instant ratedAt;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "received_at")
    public Instant receivedAt;
}
