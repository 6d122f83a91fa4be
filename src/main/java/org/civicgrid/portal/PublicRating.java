package org.civicgrid.portal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** 公众评价 — the reporter's rating of a closed case (1–5 and a comment), one per case; an input of 综合评价. */
@Entity
@Table(name = "public_rating")
public class PublicRating extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    public int score;
    public String comment;

    @Column(name = "rated_at")
    public Instant ratedAt;

    public static Optional<PublicRating> ofCase(long caseId) {
        return find("caseId", caseId).firstResultOptional();
    }
}
