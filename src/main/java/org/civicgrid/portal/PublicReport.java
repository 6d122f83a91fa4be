package org.civicgrid.portal;

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
import java.util.Optional;

/**
 * 公众举报 — what the portal keeps beside a PUBLIC case: the plain-language problem chosen, the moderation state
 * (nothing is public until an acceptor publishes it, with a text free of personal data), the hash of the reporter's
 * rating key and a hash of the address it came from.
 */
@Entity
@Table(name = "public_report")
public class PublicReport extends PanacheEntityBase {

    /** 审核状态 */
    public enum Moderation { PENDING, PUBLISHED, HIDDEN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "problem_key")
    public String problemKey;

    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "client_hash")
    public String clientHash;

    @Enumerated(EnumType.STRING)
    public Moderation moderation;

    /** The text shown publicly, set by the moderator. */
    @Column(name = "public_text")
    public String publicText;

    @Column(name = "moderated_by")
    public String moderatedBy;

    @Column(name = "moderated_at")
    public Instant moderatedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static Optional<PublicReport> ofCase(long caseId) {
        return find("caseId", caseId).firstResultOptional();
    }
}
