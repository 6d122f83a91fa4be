package org.civicgrid.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hub mode's store is PostgreSQL: every migration runs on a real PostgreSQL (127.0.0.1:5432, database {@code test},
 * as CI provides it) in a schema of its own, with the {@code %hub} identity placeholder exactly as shipped, and the
 * identity columns accept both generated and explicit ids.
 */
class HubMigrationTest {

    private static final String URL = System.getProperty("civicgrid.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("civicgrid.test.pg-user", "postgres");

    private final String schema = "hub_migration_" + Long.toString(System.nanoTime(), 36);

    @BeforeEach
    void createSchema() throws Exception {
        execute("create schema " + schema);
    }

    @AfterEach
    void dropSchema() throws Exception {
        execute("drop schema " + schema + " cascade");
    }

    @Test
    void everyMigrationRunsOnPostgresql() throws Exception {
        String[] locations = java.util.Arrays.stream(shipped("%hub.quarkus.flyway.locations").split(",")).map(l -> "classpath:" + l.trim())
                .toArray(String[]::new); // as %hub ships them: db/migration and the PostgreSQL-only db/hub
        Flyway flyway = Flyway.configure().dataSource(URL, USER, null).schemas(schema).locations(locations)
                .placeholders(Map.of("auto_id", shipped("%hub.quarkus.flyway.placeholders.auto_id"))).load();
        flyway.migrate();
        MigrationInfoAssert.latest(flyway);
        try (Connection c = DriverManager.getConnection(URL + "?currentSchema=" + schema, USER, null); Statement s = c.createStatement()) {
            s.execute("insert into region(code, name, region_level, parent_code) values ('370831', '泗水县', 'COUNTY', null)");
            s.execute("insert into region(code, name, region_level, parent_code) values ('370831001', '泗河街道', 'STREET', '370831')");
            s.execute("insert into region(code, name, region_level, parent_code) values ('370831001001', '东关社区', 'COMMUNITY', '370831001')");
            s.execute("insert into unit_grid(code, name, street_code, community_code, geometry_wkt, area_m2, min_lat, min_lon, max_lat,"
                    + " max_lon, centre_lat, centre_lon, created_at) values ('370831001001001', 'g', '370831001', '370831001001',"
                    + " 'POLYGON ((117 35, 117.001 35, 117.001 35.001, 117 35))', 5000, 35, 117, 35.001, 117.001, 35.0005, 117.0005, now())");
            s.execute("insert into work_grid(code, name) values ('WG1', '责任网格')");
            s.execute("insert into work_grid(id, code, name) values (100, 'WG2', '指定编号')");
            try (ResultSet rs = s.executeQuery("select id from work_grid where code = 'WG1'")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getLong(1));
            }
            // V53 (db/hub): case_attachment.kind admits VIDEO (an alert's clip) and still nothing else
            s.execute("insert into case_file(site_id, case_number, source, description, stage, stage_started_at, urged, self_handled, rework_count,"
                    + " history_count, created_at, version) values"
                    + " ('370831', 'HUB0001', 'CAMERA', '视频片段', 'REPORTED', now(), false, false, 0, 0, now(), 0)");
            String attachment = "insert into case_attachment(case_id, kind, content_type, size_bytes, stored_path, sha256, uploaded_by, uploaded_at)"
                    + " select id, '%s', 'video/mp4', 10, 'attachments/x.mp4', 'ab', '告警证据', now() from case_file where case_number = 'HUB0001'";
            s.execute(attachment.formatted("VIDEO"));
            assertThrows(java.sql.SQLException.class, () -> s.execute(attachment.formatted("TEXT")));
            for (String table : new String[] {"case_file", "case_transition", "outbox_entry", "calendar_day", "case_class", "place",
                    "city_component", "routing_rule", "work_grid_unit", "work_grid_inspector", "sync_state", "sync_assignment", "hub_site", "hub_event",
                    "hub_case", "hub_case_history", "hub_attachment", "hub_blob", "hub_assignment", "hub_rating", "hub_alert_merge"}) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    assertTrue(rs.next(), table);
                }
            }
        }
    }

    /** V35: the history rows a hub stored before it name their hub case afterwards (evaluation across towns reads t.caseId). */
    @Test
    void historyStoredBeforeV35NamesItsHubCase() throws Exception {
        String[] locations = java.util.Arrays.stream(shipped("%hub.quarkus.flyway.locations").split(",")).map(l -> "classpath:" + l.trim())
                .toArray(String[]::new);
        Map<String, String> placeholders = Map.of("auto_id", shipped("%hub.quarkus.flyway.placeholders.auto_id"));
        Flyway.configure().dataSource(URL, USER, null).schemas(schema).locations(locations).placeholders(placeholders).target("34").load().migrate();
        try (Connection c = DriverManager.getConnection(URL + "?currentSchema=" + schema, USER, null); Statement s = c.createStatement()) {
            for (String site : new String[] {"a", "b"}) {
                s.execute("insert into hub_case(id, site_id, edge_case_id, case_number, source, description, stage, history_count, created_at, updated_at)"
                        + " values (" + ("a".equals(site) ? 7 : 8) + ", '" + site + "', 1, '" + site + "-1', 'INSPECTOR', 'x', 'FILED', 2, now(), now())");
                for (int seq = 1; seq <= 2; seq++) {
                    s.execute("insert into hub_case_history(site_id, edge_case_id, seq, action, to_stage, actor_name, at) values ('" + site + "', 1, "
                            + seq + ", 'report', 'REPORTED', 'x', now())");
                }
            }
        }
        Flyway flyway = Flyway.configure().dataSource(URL, USER, null).schemas(schema).locations(locations).placeholders(placeholders).load();
        flyway.migrate();
        MigrationInfoAssert.latest(flyway);
        try (Connection c = DriverManager.getConnection(URL + "?currentSchema=" + schema, USER, null); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select site_id || ':' || case_id, count(*) from hub_case_history group by site_id, case_id order by 1")) {
            assertTrue(rs.next());
            assertEquals("a:7", rs.getString(1));
            assertEquals(2, rs.getInt(2));
            assertTrue(rs.next());
            assertEquals("b:8", rs.getString(1));
            assertEquals(2, rs.getInt(2));
        }
    }

    /**
     * V25 and V26 on PostgreSQL: the ratings, 回访 and merged alerts a store held get one rating.added or alert.merged
     * outbox event each, the JSON the relay reads.
     */
    @Test
    void ratingsHeldBeforeV25GetTheirOutboxEvents() throws Exception {
        String[] locations = java.util.Arrays.stream(shipped("%hub.quarkus.flyway.locations").split(",")).map(l -> "classpath:" + l.trim())
                .toArray(String[]::new);
        Map<String, String> placeholders = Map.of("auto_id", shipped("%hub.quarkus.flyway.placeholders.auto_id"));
        Flyway.configure().dataSource(URL, USER, null).schemas(schema).locations(locations).placeholders(placeholders).target("24").load().migrate();
        try (Connection c = DriverManager.getConnection(URL + "?currentSchema=" + schema, USER, null); Statement s = c.createStatement()) {
            s.execute("insert into case_file(id, site_id, case_number, source, description, stage, stage_started_at, urged, self_handled, rework_count,"
                    + " history_count, created_at, version) values (41, '370831', 'R0001', 'PUBLIC', '评价', 'CLOSED', now(), false, false, 0, 3,"
                    + " now(), 0)");
            s.execute("insert into public_rating(id, case_id, score, rated_at) values (5, 41, 5, timestamp '2026-11-02 10:00:00')");
            s.execute("insert into case_callback(id, case_id, called_at, caller_name, satisfied, reopened) values (6, 41, timestamp '2026-11-01 10:00:00',"
                    + " '受理员', false, false)");
            s.execute("insert into alert_message(id, source, source_id, received_at, outcome, case_id, payload, payload_bytes) values (9, 'GENERIC',"
                    + " 'cam/9', timestamp '2026-11-03 10:00:00', 'MERGED', 41, '{}', 2)");
        }
        Flyway.configure().dataSource(URL, USER, null).schemas(schema).locations(locations).placeholders(placeholders).load().migrate();
        try (Connection c = DriverManager.getConnection(URL + "?currentSchema=" + schema, USER, null); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select event_id, site_id, case_id, payload, created_at from outbox_entry where event_type = 'rating.added'"
                        + " order by id")) {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            java.util.List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + json.readValue(rs.getString(4),
                        org.civicgrid.sync.SyncProtocol.Rating.class) + " " + rs.getTimestamp(5).toLocalDateTime());
            }
            assertEquals(java.util.List.of("rating-callback-6 370831 41 Rating[kind=CALLBACK, ratingId=6, score=null, satisfied=false] 2026-11-01T10:00",
                    "rating-portal-5 370831 41 Rating[kind=PORTAL, ratingId=5, score=5, satisfied=null] 2026-11-02T10:00"), rows);
        }
        try (Connection c = DriverManager.getConnection(URL + "?currentSchema=" + schema, USER, null); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select event_id, case_id, payload, created_at from outbox_entry where event_type = 'alert.merged'")) {
            assertTrue(rs.next());
            assertEquals("alert-merged-9 41 {\"alertId\":9} 2026-11-03T10:00", rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " "
                    + rs.getTimestamp(4).toLocalDateTime());
            assertTrue(!rs.next());
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(URL, USER, null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String shipped(String key) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = HubMigrationTest.class.getResourceAsStream("/application.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.getProperty(key);
    }

    /** The schema is at the newest migration shipped. */
    private static final class MigrationInfoAssert {
        static void latest(Flyway flyway) {
            var all = flyway.info().all();
            assertEquals(all[all.length - 1].getVersion(), flyway.info().current().getVersion());
        }
    }
}
