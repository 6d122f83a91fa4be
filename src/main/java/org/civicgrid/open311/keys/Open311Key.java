package org.civicgrid.open311.keys;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Open311 接口密钥 — one API key of an outside client (an app, a 12345 platform): its name, the SHA-256 of the key
 * (the key itself is shown once, at creation), the first characters to recognise it, and when it was revoked.
 * The demo key ({@code civicgrid-demo}) works only in demo mode.
 */
@Entity
@Table(name = "open311_key")
public class Open311Key extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "key_prefix")
    public String keyPrefix;

    public boolean demo;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public boolean active() {
        return revokedAt == null;
    }

    static Optional<Open311Key> byHash(String hash) {
        return find("keyHash", hash).firstResultOptional();
    }

    static List<Open311Key> allOrdered() {
        return list("order by revokedAt desc, id");
    }
}
