package org.civicgrid.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A storm of new-case alerts writes the same rows whether the batch's session flushes before every query and stores
 * each history row and event on its own (as it did) or flushes once at the end and inserts the history rows and events
 * batched (as it does now): per case the stage, class, 立案条件 and handling limit, 重复上报 count, every history row
 * (流转记录: seq, from, to, action, actor, role, department, note, how its instants are stored) and every outbox
 * event with its payload, in order; and each alert merged into a case (重复上报) one {@code alert.merged} event.
 */
@QuarkusTest
@TestProfile(AlertMqttTest.Broker.class) // its own store: two dozen filed cases would crowd the shared store's dispatch queue
class AlertStormRowsTest {

    private static final String CLASS = "incident:0302";
    private static final int SPOTS = 12;

    @Inject
    AlertStore store;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void flushingOnceWritesTheRowsThatFlushingPerQueryWrote() throws SQLException {
        String nonce = Long.toString(System.nanoTime(), 36);
        // two blocks of spots far apart (and away from other tests' cases): each spot raises a case, its repeats merge
        double lat = 35.655 + ThreadLocalRandom.current().nextInt(100) * 0.0001;
        List<String> perQuery;
        List<String> atCommit;
        try {
            store.batchedWrites = false;
            perQuery = rowsOf(write(nonce + "-a", lat, 117.268));
        } finally {
            store.batchedWrites = true;
        }
        atCommit = rowsOf(write(nonce + "-b", lat, 117.278));
        assertEquals(SPOTS * (1 + 3 + 3 + 2), perQuery.size(), String.join("\n", perQuery));
        assertEquals(SPOTS * 2, perQuery.stream().filter(r -> r.equals("merged MERGED 1 1 0 null")).count(), String.join("\n", perQuery));
        assertTrue(perQuery.get(0).startsWith("case FILED " + CLASS), perQuery.get(0));
        assertEquals(perQuery, atCommit);
    }

    /** One batch: each spot three times (a new case, then two 重复上报), interleaved; the ids of the cases raised. */
    private List<Long> write(String device, double lat, double lon) {
        List<AlertStore.Inbound> batch = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int spot = 0; spot < SPOTS; spot++) {
                String json = String.format(Locale.ROOT,
                        "{\"alertId\":\"s%d-r%d\",\"kind\":\"camera\",\"classCode\":\"%s\",\"confidence\":0.9,\"lat\":%.5f,\"lon\":%.5f}", spot,
                        round, CLASS, lat + (spot % 4) * 0.0009, lon + (spot / 4) * 0.0011);
                batch.add(new AlertStore.Inbound(AlertMqttTest.RUN + "/alerts/" + device, json.getBytes(StandardCharsets.UTF_8), Instant.now(), null));
            }
        }
        List<AlertStore.Stored> stored = store.write(batch);
        List<Long> raised = stored.stream().filter(s -> s.outcome() == AlertOutcome.CREATED).map(AlertStore.Stored::caseId).toList();
        assertEquals(SPOTS, raised.size(), stored.toString());
        assertEquals(SPOTS * 2, stored.stream().filter(s -> s.outcome() == AlertOutcome.MERGED).count(), stored.toString());
        return raised;
    }

    /** The rows of these cases that must not depend on how the batch was written (no ids, numbers or instants). */
    private List<String> rowsOf(List<Long> caseIds) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (long id : caseIds) {
                rows.add(one(c, "SELECT 'case', f.stage, f.class_code, s.filing_condition, f.filing_condition, f.stage_limit, f.handling_limit,"
                        + " f.repeat_count, f.history_count, f.source, f.department_id, f.urged, f.rework_count, f.version FROM case_file f"
                        + " LEFT JOIN filing_standard s ON s.id = f.filing_standard_id WHERE f.id = ?", id));
                rows.addAll(all(c, "SELECT 'history', t.seq, t.from_stage, t.to_stage, t.action, t.actor_id, t.actor_name, t.actor_role,"
                        + " t.department_id, t.note, typeof(t.at), t.at >= f.created_at, typeof(t.due_at), typeof(t.stage_due_at)"
                        + " FROM case_transition t JOIN case_file f ON f.id = t.case_id WHERE t.case_id = ? ORDER BY t.seq", id));
                // the event as the hub reads it, less what differs between the two blocks (ids, numbers, instants, position);
                // instants differ by how long each action took, so only their kind and order are compared
                rows.addAll(all(c, "SELECT 'outbox', o.seq, o.event_type, o.sent_at, o.site_seq, o.site_id = f.site_id, length(o.event_id),"
                        + " typeof(o.created_at), o.created_at = t.at, json_remove(o.payload, '$.caseId', '$.caseNumber', '$.at',"
                        + " '$.stageDeadlineAt', '$.lat', '$.lon') FROM outbox_entry o JOIN case_file f ON f.id = o.case_id"
                        + " JOIN case_transition t ON t.case_id = o.case_id AND t.seq = o.seq WHERE o.case_id = ? ORDER BY o.id", id));
                // each alert merged into the case (重复上报) has one event for the hub, naming the alert, at its time
                rows.addAll(all(c, "SELECT 'merged', a.outcome, a.case_id = o.case_id, o.created_at = a.received_at, o.seq, o.site_seq"
                        + " FROM outbox_entry o JOIN alert_message a ON a.id = json_extract(o.payload, '$.alertId')"
                        + " WHERE o.case_id = ? AND o.event_type = 'alert.merged' ORDER BY o.id", id));
            }
        }
        return rows.stream().map(r -> r.replaceAll("[0-9a-z]+-[ab]\\b", "")).toList();
    }

    private static String one(Connection c, String sql, long id) throws SQLException {
        List<String> rows = all(c, sql, id);
        assertEquals(1, rows.size(), sql);
        return rows.get(0);
    }

    private static List<String> all(Connection c, String sql, long id) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(i == 1 ? "" : " ").append(rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }
}
