package org.civicgrid.hotline;

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
 * 来电记录 — one call taken at the hotline desk: when, the caller's number and name (staff only), who took it, what
 * came of it ({@link CallOutcome}), the case it created or was merged into, and the taker's note.
 */
@Entity
@Table(name = "hotline_call")
public class HotlineCall extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "taken_at")
    public Instant takenAt;

    @Column(name = "caller_phone")
    public String callerPhone;

    @Column(name = "caller_name")
    public String callerName;

    @Column(name = "taker_id")
    public Long takerId;

    @Column(name = "taker_name")
    public String takerName;

    @Enumerated(EnumType.STRING)
    public CallOutcome outcome;

    /** The case the call created (for a merge: the report that was merged). */
    @Column(name = "case_id")
    public Long caseId;

    /** For a merge: the open case that keeps the report. */
    @Column(name = "merged_into_id")
    public Long mergedIntoId;

    public String note;
}
