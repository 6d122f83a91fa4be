package org.civicgrid.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's transactions under write-lock contention, on real SQLite files through the application's driver: a
 * transaction whose {@code BEGIN IMMEDIATE} waited out the busy timeout leaves its connection as it found it, and a
 * committed transaction does not take the write lock again (sqlite-jdbc's own {@code commit()} runs {@code COMMIT;
 * BEGIN IMMEDIATE}: under load that second BEGIN waited, failed after the commit was durable, and left the pooled
 * connection believing it was in a transaction — every later commit then failed with "cannot commit - no transaction
 * is active").
 */
class StoreTransactionsTest {

    private Path dir;
    private String url;

    @BeforeEach
    void store() throws Exception {
        dir = Files.createTempDirectory("civicgrid-tx");
        url = "jdbc:sqlite:" + dir.resolve("t.db") + "?journal_mode=WAL&busy_timeout=200&transaction_mode=IMMEDIATE";
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.executeUpdate("create table t (v integer)");
        }
    }

    @AfterEach
    void clean() throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    private Connection open() throws SQLException {
        return new StatementCachingDriver().connect(url, new Properties());
    }

    private static void insert(Connection c, int v) throws SQLException {
        try (var p = c.prepareStatement("insert into t (v) values (?)")) {
            p.setInt(1, v);
            p.executeUpdate();
        }
    }

    private int count() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from t")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void aBeginThatTimedOutLeavesTheConnectionInAutoCommitAndUsable() throws Exception {
        try (Connection holder = open(); Connection waiter = open()) {
            holder.setAutoCommit(false);
            insert(holder, 1);

            SQLException busy = assertThrows(SQLException.class, () -> waiter.setAutoCommit(false));
            assertTrue(busy.getMessage().contains("SQLITE_BUSY"), busy.getMessage());
            assertTrue(waiter.getAutoCommit(), "the failed BEGIN left the connection in auto-commit, as before the call");

            holder.commit();
            holder.setAutoCommit(true);

            waiter.setAutoCommit(false);
            insert(waiter, 2);
            waiter.commit();
            waiter.setAutoCommit(true);
        }
        assertEquals(2, count());
    }

    @Test
    void aCommittedTransactionDoesNotHoldTheWriteLock() throws Exception {
        try (Connection first = open(); Connection second = open()) {
            first.setAutoCommit(false);
            insert(first, 1);
            first.commit();
            // first stays in manual-commit mode (a pooled connection between commit and its return to the pool)

            second.setAutoCommit(false);
            insert(second, 2);
            second.commit();
            second.setAutoCommit(true);

            // first's next statement opens its next transaction
            insert(first, 3);
            first.rollback();
            insert(first, 4);
            first.commit();
            first.setAutoCommit(true);
        }
        assertEquals(3, count(), "1, 2 and 4; 3 was rolled back");
    }

    @Test
    void switchingAutoCommitOnCommitsTheOpenTransaction() throws Exception {
        try (Connection c = open()) {
            c.setAutoCommit(false);
            assertFalse(c.getAutoCommit());
            insert(c, 1);
            c.setAutoCommit(true);
            assertTrue(c.getAutoCommit());
            assertEquals(1, count());
            insert(c, 2);
            assertEquals(2, count(), "auto-commit again: each statement commits");
            assertThrows(SQLException.class, c::commit, "commit in auto-commit mode is an error, as JDBC says");
        }
    }

    @Test
    void aConnectionClosedMidTransactionLosesOnlyThatTransaction() throws Exception {
        Connection c = open();
        c.setAutoCommit(false);
        insert(c, 1);
        c.close();
        try (Connection other = open()) {
            other.setAutoCommit(false);
            insert(other, 2);
            other.commit();
        }
        assertEquals(1, count());
    }
}
