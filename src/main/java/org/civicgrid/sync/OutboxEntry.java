package org.civicgrid.sync;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 上报事件 — one case event waiting to go (or gone) to the hub: {@code eventId} makes delivery idempotent at the
 * hub, {@code (siteId, caseId, seq)} orders it.
 */
@Entity
@Table(name = "outbox_entry")
public class OutboxEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "case_id")
    public Long caseId;

    public int seq;

    /** Per-site sequence number, given when the relay first takes the event (contiguous from 1). */
    @Column(name = "site_seq")
    public Long siteSeq;

    @Column(name = "event_type")
    public String eventType;

    /** JSON of the event. */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
