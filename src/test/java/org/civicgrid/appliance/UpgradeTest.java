package org.civicgrid.appliance;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.DataDirs;
import org.civicgrid.testsupport.UpgradeStores;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * 升级 — the data directory of the previous bundle (its migrations V1–V16 and a site's archived cases with their
 * history and 督办单, {@code upgrade/cases-v16.sql}) under the current application: every later migration applies at
 * start, and every case, history and urge row is still there, value for value, and served by the API.
 */
@QuarkusTest
@TestProfile(UpgradeTest.PreviousBundle.class)
class UpgradeTest {

    static final Path DIR = Path.of("target/test-upgrade");
    static final String PASSWORD = "Upgrade-fixture-73";
    /** The rows to compare, in the columns the previous bundle had. */
    static final Map<String, String> TABLES = Map.of(
            "case_file", "SELECT id, site_id, case_number, source, class_code, description, address, lat, lon, grid_code, community_code, "
                    + "street_code, reporter_name, reporter_phone, reported_by_id, department_id, stage, stage_started_at, handling_limit, "
                    + "handling_deadline_at, handling_started_at, urged, self_handled, rework_count, history_count, created_at, closed_at, "
                    + "version, repeat_count, urge_count, first_department_id FROM case_file ORDER BY id",
            "case_transition", "SELECT id, case_id, seq, from_stage, to_stage, action, actor_id, actor_name, actor_role, department_id, at, note "
                    + "FROM case_transition ORDER BY id",
            "case_urge", "SELECT id, case_id, seq, transition_seq, issued_by_name, issued_at, reason, reply_due_at, reply, replied_at "
                    + "FROM case_urge ORDER BY id");

    /** Builds the old store before the app starts: Flyway stopped at V16, the fixture, an administrator. */
    public static class PreviousBundle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            DataDirs.wipe(DIR);
            try {
                Files.createDirectories(DIR);
                String url = "jdbc:sqlite:" + DIR.resolve("civicgrid.db");
                Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                        .placeholders(Map.of("auto_id", "INTEGER PRIMARY KEY AUTOINCREMENT")).target("16").load().migrate();
                try (Connection c = DriverManager.getConnection(url + "?foreign_keys=true"); Statement s = c.createStatement()) {
                    UpgradeStores.loadCasesV16(s);
                    try (PreparedStatement admin = c.prepareStatement("INSERT INTO staff (id, username, display_name, password_hash, active, demo, "
                            + "created_at, password_changed_at, version) VALUES (9003, 'up.admin', '老版本管理员', ?, TRUE, FALSE, 1764547200000, 1764547200000, 0)")) {
                        admin.setString(1, BcryptUtil.bcryptHash(PASSWORD));
                        admin.executeUpdate();
                    }
                    s.execute("INSERT INTO staff_role (staff_id, role) VALUES (9003, 'ADMIN')");
                    s.execute("INSERT INTO region (code, name, region_level, parent_code) VALUES ('370831', '泗水县', 'COUNTY', NULL)");
                }
                Files.writeString(DIR.resolve("before.txt"), dump(url));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("civicgrid.data-dir", DIR.toString(), "civicgrid.demo", "false");
        }
    }

    @Test
    void everyCaseHistoryAndUrgeRowOfThePreviousBundleSurvivesTheUpgrade() throws Exception {
        String url = "jdbc:sqlite:" + DIR.resolve("civicgrid.db");
        String before = Files.readString(DIR.resolve("before.txt"));
        assertEquals(before, dump(url), "rows identical after the new app's migrations");
        assertTrue(before.contains("case_file 30 rows") && before.contains("case_transition 168 rows") && before.contains("case_urge 7 rows"), before);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*), max(CAST(version AS INTEGER)), sum(CASE WHEN success THEN 0 ELSE 1 END) FROM flyway_schema_history")) {
                rs.next();
                assertEquals(0, rs.getInt(3), "no failed migration");
                long shipped = 0;
                for (String location : List.of("db/migration", "db/sqlite")) { // quarkus.flyway.locations of the SQLite build
                    try (var files = Files.list(Path.of("src/main/resources", location))) {
                        shipped += files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
                    }
                }
                assertEquals(shipped, rs.getLong(1), "every migration of this build applied on top of V16");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
        }
        Api.as("up.admin", PASSWORD).when().get("/api/cases/90007").then().statusCode(200)
                .body("number", equalTo("UP2026000007")).body("stage", equalTo("CLOSED")).body("history", hasSize(6))
                .body("history[5].note", equalTo("第6步 的备注, \"引号\" 与逗号"))
                .body("createdAt", equalTo(Instant.ofEpochMilli(1764547200000L + 7 * 3600000L).toString()));
    }

    /**
     * V23 built each upgraded case's evaluation fact from its history by the rule the application folds each new row with
     * ({@code CaseFact#with}): every case's fact equals the fold of its rows (one read snapshot of both tables).
     */
    @Test
    void eachUpgradedCaseHasTheFactOfItsHistory() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + DIR.resolve("civicgrid.db")); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            Map<Long, List<org.civicgrid.cases.CaseTransition>> history = new java.util.TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT case_id, seq, action, at, due_at FROM case_transition ORDER BY case_id, seq")) {
                while (rs.next()) {
                    org.civicgrid.cases.CaseTransition t = new org.civicgrid.cases.CaseTransition();
                    t.caseId = rs.getLong(1);
                    t.seq = rs.getInt(2);
                    t.action = rs.getString(3);
                    t.at = instant(rs.getTimestamp(4));
                    t.dueAt = instant(rs.getTimestamp(5));
                    history.computeIfAbsent(t.caseId, k -> new java.util.ArrayList<>()).add(t);
                }
            }
            Map<Long, List<Object>> kept = new java.util.TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT case_id, last_at, due_at, fell_due_at, paused, suspensions, dispatched_at, dispatch_seq,"
                    + " closed_at, reopened_at, handled_at, reworks, extensions FROM case_eval_fact")) {
                while (rs.next()) {
                    kept.put(rs.getLong(1), java.util.Arrays.asList(rs.getLong(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                            instant(rs.getTimestamp(4)), rs.getInt(5), rs.getInt(6), instant(rs.getTimestamp(7)),
                            rs.getObject(8) == null ? null : rs.getInt(8), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
                            instant(rs.getTimestamp(11)), rs.getInt(12), rs.getInt(13)));
                }
            }
            c.rollback();
            assertEquals(history.keySet(), kept.keySet(), "one fact per case with history");
            assertTrue(history.size() >= 30, "the previous bundle's cases: " + history.size());
            history.forEach((id, rows) -> assertEquals(org.civicgrid.cases.facts.CaseFact.fold(id, rows).values(), kept.get(id), "case " + id));
        }
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Each table's rows in the previous bundle's columns, one line per row. */
    static String dump(String url) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String table : new String[] {"case_file", "case_transition", "case_urge"}) {
                int rows = 0;
                StringBuilder lines = new StringBuilder();
                try (ResultSet rs = s.executeQuery(TABLES.get(table))) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            lines.append(rs.getString(i)).append('\t');
                        }
                        lines.append('\n');
                        rows++;
                    }
                }
                out.append(table).append(' ').append(rows).append(" rows\n").append(lines);
            }
        }
        return out.toString();
    }
}
