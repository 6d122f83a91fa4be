package org.civicgrid.hub;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 下级站点 — an edge reporting to this hub: its token (hashed), what it acknowledged, when it last called. */
@Entity
@Table(name = "hub_site")
public class HubSite extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public String siteId;

    public String name;

    /** SHA-256 (hex) of the token; the clear token is shown once, when issued. */
    @Column(name = "token_hash")
    public String tokenHash;

    /** Highest contiguous seq stored. */
    @Column(name = "acked_seq")
    public long ackedSeq;

    /** Events the site said were still waiting after its last batch. */
    public long backlog;

    @Column(name = "events_received")
    public long eventsReceived;

    @Column(name = "last_contact_at")
    public Instant lastContactAt;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * SHA-256 (hex) of the client certificate this site must present on a hub with mutual TLS ({@link SiteCertificates});
     * null: none registered.
     */
    @Column(name = "cert_sha256")
    public String certSha256;
}
