package org.civicgrid.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.civicgrid.appliance.ApplianceConfig;

/**
 * 上报队列 — appends case events in the caller's transaction (MANDATORY: an event exists exactly when its
 * transition does), and the events of 公众评价, 回访 and alerts merged into a case (重复上报) in the transaction that
 * records them.
 */
@ApplicationScoped
public class Outbox {

    private final ApplianceConfig appliance;
    private final ObjectMapper json;

    private static final String INSERT = "INSERT INTO outbox_entry (event_id, site_id, case_id, seq, site_seq, event_type, payload,"
            + " created_at, sent_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL)";

    Outbox(ApplianceConfig appliance, ObjectMapper json) {
        this.appliance = appliance;
        this.json = json;
    }

    /** The event of a history row, not stored yet ({@link #store}, or {@link #insert} with others). */
    public OutboxEntry entry(long caseId, int seq, String eventType, Object event, Instant at) {
        OutboxEntry entry = new OutboxEntry();
        entry.eventId = UUID.randomUUID().toString();
        entry.siteId = appliance.siteId();
        entry.caseId = caseId;
        entry.seq = seq;
        entry.eventType = eventType;
        entry.createdAt = at;
        try {
            entry.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case event not serialisable", e);
        }
        return entry;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void store(OutboxEntry entry) {
        entry.persist();
    }

    /**
     * The event of a 公众评价 or 回访 of case {@code caseId} recorded at {@code at} ({@link SyncProtocol#RATING_ADDED}),
     * stored in the caller's transaction — the one that stores the rating, so the event exists exactly when it does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rating(long caseId, SyncProtocol.Rating rating, Instant at) {
        store(entry(caseId, 0, SyncProtocol.RATING_ADDED, rating, at));
    }

    /**
     * The event of alert {@code alertId}, received at {@code receivedAt}, merged into the open case {@code caseId} as a
     * further report of it (重复上报, {@link SyncProtocol#ALERT_MERGED}), not stored yet: the caller stores it in the
     * transaction that merges the alert ({@link #store}, or {@link #insert} with others).
     */
    public OutboxEntry alertMerged(long caseId, long alertId, Instant receivedAt) {
        return entry(caseId, 0, SyncProtocol.ALERT_MERGED, new SyncProtocol.AlertMerge(alertId), receivedAt);
    }

    /**
     * Inserts these events in order on the transaction's connection as one batched statement (the same row {@link #store}
     * writes: no site sequence and not sent yet).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Connection connection, List<OutboxEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (OutboxEntry e : entries) {
                ps.setString(1, e.eventId);
                ps.setString(2, e.siteId);
                ps.setLong(3, e.caseId);
                ps.setInt(4, e.seq);
                ps.setString(5, e.eventType);
                ps.setString(6, e.payload);
                ps.setTimestamp(7, Timestamp.from(e.createdAt));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

}
