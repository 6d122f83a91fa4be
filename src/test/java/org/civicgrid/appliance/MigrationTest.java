package org.civicgrid.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped migrations on real SQLite files: they build an empty store, and an existing store migrated to the
 * newest version keeps its rows (an upgrade keeps the county's data).
 */
class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void emptyFileGetsTheWholeSchema() throws Exception {
        String url = url("empty.db");
        flyway(url, null).migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            for (String table : new String[] {"site_setting", "region", "department", "department_class", "department_area",
                    "staff", "staff_role", "sign_in_log"}) {
                assertEquals(0, count(c, table), table + " exists and is empty");
            }
        }
        assertEquals(latestVersion(url), flyway(url, null).info().current().getVersion().getVersion());
    }

    @Test
    void existingStoreKeepsItsDataThroughEveryLaterMigration() throws Exception {
        String url = url("existing.db");
        flyway(url, "1").migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("insert into region(code, name, region_level, parent_code) values ('370831', '泗水县', 'COUNTY', null)");
            s.execute("insert into department(code, name, kind, phone, active, version) values ('huanwei', '环卫', 'PROFESSIONAL', null, 1, 0)");
            s.execute("insert into staff(username, display_name, password_hash, phone, department_id, active, demo, created_at,"
                    + " password_changed_at, version) values ('zhang', '张三', '$2a$10$abcdefghijklmnopqrstuv', null, 1, 1, 0, 0, 0, 0)");
            s.execute("insert into staff_role(staff_id, role) values (1, 'DEPARTMENT')");
        }
        flyway(url, null).migrate();
        flyway(url, null).migrate(); // a second start on the same file changes nothing
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(1, count(c, "region"));
            assertEquals(1, count(c, "department"));
            assertEquals(1, count(c, "staff"));
            assertEquals(1, count(c, "staff_role"));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select display_name from staff where username = 'zhang'")) {
                assertTrue(rs.next());
                assertEquals("张三", rs.getString(1));
            }
        }
        assertEquals(latestVersion(url), flyway(url, null).info().current().getVersion().getVersion());
    }

    /**
     * A box installed from the build that shipped V13 before V10–V12 existed (the features were built in parallel):
     * with the shipped out-of-order setting its next start applies the lower numbers too, instead of refusing.
     */
    @Test
    void aStoreAtV13WithoutV10ToV12GetsThemOnUpgrade() throws Exception {
        Path shipped = dir.resolve("stop-11-migrations");
        java.nio.file.Files.createDirectories(shipped);
        Path source = Path.of("src/main/resources/db/migration");
        try (var files = java.nio.file.Files.list(source)) {
            for (Path f : files.toList()) {
                int version = Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"));
                if (version <= 9 || version == 13) {
                    java.nio.file.Files.copy(f, shipped.resolve(f.getFileName()));
                }
            }
        }
        String url = url("stop11.db");
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + shipped)
                .placeholders(java.util.Map.of("auto_id", shippedPlaceholder())).load().migrate();
        assertEquals("13", flyway(url, null).info().current().getVersion().getVersion());

        assertEquals("true", shippedProperty("quarkus.flyway.out-of-order"));
        Flyway upgrade = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .placeholders(java.util.Map.of("auto_id", shippedPlaceholder())).outOfOrder(true).load();
        upgrade.migrate();
        assertEquals(0, upgrade.info().pending().length, "every shipped migration applied");
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(0, count(c, "alert_message"), "V10 applied after V13");
            assertEquals(0, count(c, "inspector_track"), "V12 applied after V13");
        }
    }

    @Test
    void foreignKeysAreEnforcedWithTheShippedUrlOptions() throws Exception {
        String url = url("fk.db") + "?foreign_keys=true";
        flyway(url, null).migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.execute("insert into region(code, name, region_level, parent_code) values ('370831001', 'x', 'STREET', '999999')"));
            assertTrue(refused.getMessage().contains("FOREIGN KEY"), refused.getMessage());
        }
    }

    private String url(String file) {
        return "jdbc:sqlite:" + dir.resolve(file);
    }

    private static Flyway flyway(String url, String target) throws IOException {
        var config = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .placeholders(java.util.Map.of("auto_id", shippedPlaceholder()));
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static String latestVersion(String url) throws IOException {
        MigrationInfo[] all = flyway(url, null).info().all();
        return all[all.length - 1].getVersion().getVersion();
    }

    /** The identity-column placeholder exactly as application.properties ships it for SQLite. */
    private static String shippedPlaceholder() throws IOException {
        return shippedProperty("quarkus.flyway.placeholders.auto_id");
    }

    private static String shippedProperty(String key) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MigrationTest.class.getResourceAsStream("/application.properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties.getProperty(key);
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
