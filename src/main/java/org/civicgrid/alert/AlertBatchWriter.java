package org.civicgrid.alert;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 告警批量写入 — the JDBC side of the alert store, inside its transaction: which alerts of a batch are stored already
 * (one indexed query per source), then one batched insert per table (alert_message, alert_evidence) and one batched
 * 重复上报 update.
 */
@ApplicationScoped
public class AlertBatchWriter {

    private static final String INSERT_ALERT = "INSERT INTO alert_message (source, source_id, topic, device, kind, label, zones,"
            + " confidence, occurred_at, received_at, lat, lon, grid_code, class_code, rule_id, outcome, reason, case_id, payload,"
            + " payload_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EVIDENCE = "INSERT INTO alert_evidence (alert_id, case_id, url, camera_id, lat, lon, status,"
            + " attempts, next_try_at, created_at, kind, window_from, window_to) SELECT id, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ? FROM alert_message"
            + " WHERE source = ? AND source_id = ?";

    private final AlertConfig config;
    private final AgroalDataSource dataSource;
    private final org.civicgrid.sync.Outbox outbox;

    AlertBatchWriter(AlertConfig config, AgroalDataSource dataSource, org.civicgrid.sync.Outbox outbox) {
        this.config = config;
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** Keys of this batch already stored, with their case: one indexed query per source and batch. */
    Map<String, Long> existing(List<Parsed> parsed) {
        Map<AlertSource, List<String>> ids = new EnumMap<>(AlertSource.class);
        for (Parsed p : parsed) {
            if (p instanceof Parsed.Ok ok) {
                List<String> list = ids.computeIfAbsent(ok.alert().source(), k -> new ArrayList<>());
                list.add(ok.alert().sourceId());
                if (ok.alert().episodeEnd()) {
                    list.add(ok.alert().sourceId() + "/end");
                }
            } else if (p instanceof Parsed.Rejected r) {
                ids.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r.sourceId());
            }
        }
        Map<String, Long> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Map.Entry<AlertSource, List<String>> e : ids.entrySet()) {
                List<String> all = e.getValue();
                for (int from = 0; from < all.size(); from += 400) {
                    List<String> chunk = all.subList(from, Math.min(all.size(), from + 400));
                    String sql = "SELECT source_id, case_id FROM alert_message WHERE source = ? AND source_id IN ("
                            + "?,".repeat(chunk.size() - 1) + "?)";
                    try (PreparedStatement ps = connection.prepareStatement(sql)) {
                        ps.setString(1, e.getKey().name());
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setString(i + 2, chunk.get(i));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                long caseId = rs.getLong(2);
                                found.put(AlertBatch.key(e.getKey(), rs.getString(1)), rs.wasNull() ? null : caseId);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up stored alerts", e);
        }
        return found;
    }

    /** Inserts the rows of the batch, one batched statement per table, and adds the 重复上报 counts. */
    void flush(AlertBatch b, Instant now) {
        if (b.rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement ps = connection.prepareStatement(INSERT_ALERT)) {
                for (AlertBatch.Row r : b.rows) {
                    Alert a = r.alert();
                    ps.setString(1, r.source().name());
                    ps.setString(2, r.sourceId());
                    ps.setString(3, AlertAdapters.limit(r.topic(), 300));
                    ps.setString(4, AlertAdapters.limit(r.device(), 100));
                    ps.setString(5, a == null ? null : a.kind().name());
                    ps.setString(6, a == null ? null : AlertAdapters.limit(a.label(), 200));
                    ps.setString(7, a == null || a.zones().isEmpty() ? null : AlertAdapters.limit(String.join(",", a.zones()), 300));
                    setDouble(ps, 8, a == null ? null : a.confidence());
                    ps.setTimestamp(9, a == null || a.occurredAt() == null ? null : Timestamp.from(a.occurredAt()));
                    ps.setTimestamp(10, Timestamp.from(r.in().receivedAt()));
                    setDouble(ps, 11, r.lat());
                    setDouble(ps, 12, r.lon());
                    ps.setString(13, r.gridCode());
                    ps.setString(14, r.classCode());
                    setLong(ps, 15, r.ruleId());
                    ps.setString(16, r.outcome().name());
                    ps.setString(17, AlertAdapters.limit(r.reason(), 500));
                    setLong(ps, 18, r.caseId());
                    byte[] raw = r.in().payload();
                    ps.setString(19, raw == null ? describe(r.in()) : text(raw, config.maxPayloadBytes()));
                    ps.setInt(20, raw == null ? 0 : raw.length);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            merged(connection, b);
            if (!b.evidence.isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(INSERT_EVIDENCE)) {
                    for (AlertBatch.Evidence e : b.evidence) {
                        // a snapshot, a clip (kept when small, its link always) and a replay link are fetched in the background
                        boolean fetch = e.url() != null || e.cameraId() != null;
                        ps.setLong(1, e.caseId());
                        ps.setString(2, e.url());
                        setLong(ps, 3, e.cameraId());
                        setDouble(ps, 4, e.lat());
                        setDouble(ps, 5, e.lon());
                        ps.setString(6, fetch ? "PENDING" : "LINK");
                        ps.setTimestamp(7, fetch ? Timestamp.from(now) : null);
                        ps.setTimestamp(8, Timestamp.from(now));
                        ps.setString(9, e.kind());
                        ps.setTimestamp(10, e.windowFrom() == null ? null : Timestamp.from(e.windowFrom()));
                        ps.setTimestamp(11, e.windowTo() == null ? null : Timestamp.from(e.windowTo()));
                        ps.setString(12, e.source().name());
                        ps.setString(13, e.sourceId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!b.repeats.isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE case_file SET repeat_count = repeat_count + ? WHERE id = ?")) {
                    for (Map.Entry<Long, Integer> e : b.repeats.entrySet()) {
                        ps.setInt(1, e.getValue());
                        ps.setLong(2, e.getKey());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store alerts: " + e.getMessage(), e);
        }
    }

    /** The outbox events of the batch's alerts merged into open cases (重复上报, for the hub), by their new rows' ids. */
    private void merged(Connection connection, AlertBatch b) throws SQLException {
        List<org.civicgrid.sync.OutboxEntry> events = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, case_id, received_at FROM alert_message WHERE source = ? AND source_id = ?")) {
            for (AlertBatch.Row r : b.rows) {
                if (r.outcome() == AlertOutcome.MERGED) {
                    ps.setString(1, r.source().name());
                    ps.setString(2, r.sourceId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            events.add(outbox.alertMerged(rs.getLong(2), rs.getLong(1), r.in().receivedAt()));
                        }
                    }
                }
            }
        }
        outbox.insert(connection, events);
    }

    private static String describe(AlertStore.Inbound in) {
        return in.parsed() instanceof Parsed.Ok ok ? ok.alert().description() == null ? ok.alert().sourceId() : ok.alert().description() : "";
    }

    /** The raw payload as text, cut to {@code max} bytes; bytes that are not UTF-8 become U+FFFD, NUL becomes U+FFFD too. */
    static String text(byte[] raw, int max) {
        int n = Math.min(raw.length, max);
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(raw, 0, n)).toString();
        } catch (CharacterCodingException e) {
            s = new String(raw, 0, n, StandardCharsets.ISO_8859_1);
        }
        return s.replace('\u0000', '\uFFFD');
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
