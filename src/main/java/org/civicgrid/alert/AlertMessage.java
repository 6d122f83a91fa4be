package org.civicgrid.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 告警记录 — one alert as received (raw payload, bounded), with what became of it: outcome, reason, case. Written by
 * {@link AlertStore} in batches; read here for the list, the page and the acceptor's review queue.
 */
@Entity
@Table(name = "alert_message")
public class AlertMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public AlertSource source;

    @Column(name = "source_id")
    public String sourceId;

    public String topic;
    public String device;

    @Enumerated(EnumType.STRING)
    public AlertKind kind;

    public String label;
    public String zones;
    public Double confidence;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    public Double lat;
    public Double lon;

    @Column(name = "grid_code")
    public String gridCode;

    @Column(name = "class_code")
    public String classCode;

    @Column(name = "rule_id")
    public Long ruleId;

    @Enumerated(EnumType.STRING)
    public AlertOutcome outcome;

    public String reason;

    @Column(name = "case_id")
    public Long caseId;

    public String payload;

    @Column(name = "payload_bytes")
    public int payloadBytes;

    /** Who raised or ignored it from the review queue. */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
