package org.civicgrid.sync;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 上报状态 — the relay's one row: what the hub acknowledged, the last success and error, when to try again. */
@Entity
@Table(name = "sync_state")
public class SyncState extends PanacheEntityBase {

    @Id
    public Integer id;

    /** The highest per-site seq the hub stored contiguously. */
    @Column(name = "acked_seq")
    public long ackedSeq;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;

    /** Failures since the last success (the backoff exponent). */
    public int failures;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The newest 上级交办 id taken from the hub. */
    @Column(name = "last_assignment")
    public long lastAssignment;

    /** The last attachment ({@code case_attachment.id}) the relay gave an {@code attachment.added} event. */
    @Column(name = "attachment_cursor")
    public long attachmentCursor;

    public static SyncState get() {
        return findById(1);
    }
}
