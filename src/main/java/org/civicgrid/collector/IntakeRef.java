package org.civicgrid.collector;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * 上报幂等号 — the reference a client generated for one upload (a report or a task answer) and the case it made; a
 * retried upload with the same reference answers with that case instead of making a second one.
 */
@Entity
@Table(name = "intake_ref")
public class IntakeRef extends PanacheEntityBase {

    /** What the upload was. */
    public enum Kind { REPORT, ANSWER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_ref")
    public String clientRef;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "staff_id")
    public Long staffId;

    /** GPS, EXIF or MAP: where the report's position came from. */
    @Column(name = "position_source")
    public String positionSource;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static Optional<IntakeRef> byRef(String clientRef) {
        return find("clientRef", clientRef).firstResultOptional();
    }
}
