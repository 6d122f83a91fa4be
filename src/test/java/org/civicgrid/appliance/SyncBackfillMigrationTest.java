package org.civicgrid.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.civicgrid.sync.SyncProtocol;
import org.civicgrid.testsupport.UpgradeStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V25 backfills the outbox for the 公众评价 and 回访 an upgraded edge already holds: one {@code rating.added} event each,
 * with the rating's case, site and time and a payload the relay reads as {@link SyncProtocol.Rating} — so they reach the
 * hub at the first sync after the upgrade like the ones recorded later (which the code writes itself); V26 the same for
 * the alerts merged into a case (重复上报, {@code alert.merged}).
 */
class SyncBackfillMigrationTest {

    @TempDir
    Path dir;

    @Test
    void theRatingsCallBacksAndMergedAlertsOfAnUpgradedEdgeGetOneOutboxEventEach() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("store.db") + "?foreign_keys=true";
        UpgradeStores.flyway(url, "24").migrate();
        long t = 1764547200000L;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            UpgradeStores.loadCasesV16(s);
            s.execute("INSERT INTO outbox_entry (event_id, site_id, case_id, seq, event_type, payload, created_at) VALUES"
                    + " ('e-1', '370831', 90001, 1, 'case.report', '{}', " + t + ")");
            s.execute("INSERT INTO public_rating (id, case_id, score, comment, rated_at) VALUES (7, 90002, 4, '满意', " + (t + 3000) + ")");
            s.execute("INSERT INTO public_rating (id, case_id, score, comment, rated_at) VALUES (8, 90005, 2, NULL, " + (t + 1000) + ")");
            s.execute("INSERT INTO case_callback (id, case_id, called_at, caller_name, satisfied, note, reopened) VALUES (3, 90001, " + (t + 2000)
                    + ", '受理员', TRUE, NULL, FALSE)");
            s.execute("INSERT INTO case_callback (id, case_id, called_at, caller_name, satisfied, note, reopened) VALUES (4, 90001, " + (t + 4000)
                    + ", '受理员', FALSE, '还是不满意', FALSE)");
            for (String[] alert : new String[][] {{"31", "MERGED", "90003"}, {"32", "CREATED", "90004"}, {"33", "MERGED", "90004"}}) {
                s.execute("INSERT INTO alert_message (id, source, source_id, received_at, outcome, case_id, payload, payload_bytes) VALUES (" + alert[0]
                        + ", 'GENERIC', 'cam/" + alert[0] + "', " + (t + 100 * Integer.parseInt(alert[0])) + ", '" + alert[1] + "', " + alert[2] + ", '{}', 2)");
            }
        }
        UpgradeStores.flyway(url, null).migrate();
        ObjectMapper json = new ObjectMapper();
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT event_id, site_id, case_id, seq, created_at, site_seq, sent_at, payload FROM outbox_entry"
                        + " WHERE event_type = 'rating.added' ORDER BY id")) {
            while (rs.next()) {
                SyncProtocol.Rating r = json.readValue(rs.getString(8), SyncProtocol.Rating.class);
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getInt(4) + " " + (rs.getLong(5) - t) + " "
                        + rs.getObject(6) + " " + rs.getObject(7) + " " + r);
            }
        }
        assertEquals(List.of( // in the order they were made; waiting to be numbered and sent
                "rating-portal-8 370831 90005 0 1000 null null Rating[kind=PORTAL, ratingId=8, score=2, satisfied=null]",
                "rating-callback-3 370831 90001 0 2000 null null Rating[kind=CALLBACK, ratingId=3, score=null, satisfied=true]",
                "rating-portal-7 370831 90002 0 3000 null null Rating[kind=PORTAL, ratingId=7, score=4, satisfied=null]",
                "rating-callback-4 370831 90001 0 4000 null null Rating[kind=CALLBACK, ratingId=4, score=null, satisfied=false]"), rows);
        // V26: the merged alerts (重复上报), not the one that raised a case
        List<String> merges = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT event_id, site_id, case_id, seq, created_at, payload FROM outbox_entry"
                        + " WHERE event_type = 'alert.merged' ORDER BY id")) {
            while (rs.next()) {
                merges.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getInt(4) + " " + (rs.getLong(5) - t) + " "
                        + json.readValue(rs.getString(6), SyncProtocol.AlertMerge.class));
            }
        }
        assertEquals(List.of("alert-merged-31 370831 90003 0 3100 AlertMerge[alertId=31]", "alert-merged-33 370831 90004 0 3300 AlertMerge[alertId=33]"),
                merges);
    }
}
