package org.civicgrid.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * 考核快照 — frozen evaluation: the computed rows of one object type for one month or week as published (canonical
 * JSON), their SHA-256 and the previous snapshot's hash, so a published ranking can be proven unchanged.
 */
@Entity
@Immutable
@Table(name = "eval_snapshot")
public class Snapshot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String period;

    @Column(name = "object_type")
    public String objectType;

    @Column(name = "period_from")
    public Instant periodFrom;

    @Column(name = "period_to")
    public Instant periodTo;

    @Column(name = "frozen_at")
    public Instant frozenAt;

    @Column(name = "frozen_by")
    public String frozenBy;

    public String content;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;
}
