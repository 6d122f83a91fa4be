package org.civicgrid.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.civicgrid.testsupport.UpgradeStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V52 (SQLite) rebuilds case_attachment so its kind admits VIDEO: on a store with cases and attachments (one deleted),
 * migrated with foreign keys on as the app connects, every row keeps its id and values, new ids continue past the
 * deleted one, the index and the reference to case_file hold, and only the three kinds are accepted.
 */
class CaseAttachmentVideoMigrationTest {

    @TempDir
    Path dir;

    @Test
    void theRebuiltTableKeepsEveryRowIdIndexAndReference() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("store.db") + "?foreign_keys=true";
        UpgradeStores.flyway(url, "51").migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            UpgradeStores.loadCasesV16(s);
            for (int i = 1; i <= 4; i++) {
                s.execute("INSERT INTO case_attachment (case_id, transition_seq, kind, content_type, size_bytes, file_name, stored_path, sha256,"
                        + " uploaded_by, uploaded_at, phase) VALUES (" + (90000 + i) + ", " + i + ", '" + (i == 2 ? "AUDIO" : "PHOTO") + "', 'image/jpeg', "
                        + (1000 + i) + ", 'p" + i + ".jpg', 'attachments/2026/12/" + i + ".jpg', '" + "ab".repeat(32) + "', 'up.inspector', "
                        + (1764547200000L + i) + ", " + (i == 3 ? "'AFTER'" : "NULL") + ")");
            }
            s.execute("DELETE FROM case_attachment WHERE id = 4"); // the highest id is gone; it must never come back
            assertThrows(SQLException.class, () -> s.execute(insert(90001, "VIDEO")), "V2's CHECK before V52");
        }
        String before = dump(url);
        UpgradeStores.flyway(url, null).migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertEquals(before, dump(url), "every row, with its id");
            s.execute(insert(90001, "VIDEO"));
            try (ResultSet rs = s.executeQuery("SELECT max(id), count(*) FROM case_attachment")) {
                rs.next();
                assertEquals(5, rs.getLong(1), "the new row continues after the deleted id 4");
                assertEquals(4, rs.getLong(2));
            }
            SQLException kind = assertThrows(SQLException.class, () -> s.execute(insert(90001, "TEXT")));
            assertTrue(kind.getMessage().contains("CHECK"), kind.getMessage());
            SQLException reference = assertThrows(SQLException.class, () -> s.execute(insert(12345, "PHOTO")));
            assertTrue(reference.getMessage().contains("FOREIGN KEY"), reference.getMessage());
            assertEquals(List.of("case_attachment_case"), rows(s, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_attachment'"
                    + " AND sql IS NOT NULL"));
            assertEquals(List.of("case_attachment"), rows(s, "SELECT name FROM sqlite_sequence WHERE name LIKE 'case_attachment%'"));
            assertTrue(rows(s, "PRAGMA foreign_key_check").isEmpty());
            assertEquals(List.of("ok"), rows(s, "PRAGMA integrity_check"));
            assertFalse(rows(s, "SELECT name FROM sqlite_master WHERE name LIKE '%_v52'").iterator().hasNext(), "no left-over table");
        }
    }

    private static String insert(long caseId, String kind) {
        return "INSERT INTO case_attachment (case_id, kind, content_type, size_bytes, stored_path, sha256, uploaded_by, uploaded_at) VALUES ("
                + caseId + ", '" + kind + "', 'video/mp4', 10, 'attachments/x.mp4', '" + "cd".repeat(32) + "', '告警证据', 1764547200000)";
    }

    private static String dump(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            return String.join("\n", rows(s, "SELECT id, case_id, transition_seq, kind, content_type, size_bytes, file_name, stored_path, sha256,"
                    + " uploaded_by, uploaded_at, phase FROM case_attachment ORDER BY id"));
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
