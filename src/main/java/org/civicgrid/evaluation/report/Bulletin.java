package org.civicgrid.evaluation.report;

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
 * 月通报存档 — the stored copy of one month's 月通报: the {@link Report} as generated (JSON) and its SHA-256, written
 * once after the month has closed and never edited, so the bulletin sent out can be shown again as it was.
 */
@Entity
@Immutable
@Table(name = "eval_bulletin")
public class Bulletin extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String period;

    @Column(name = "generated_at")
    public Instant generatedAt;

    @Column(name = "generated_by")
    public String generatedBy;

    public String content;

    public String hash;
}
