package org.civicgrid.appliance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.sqlite.jdbc4.JDBC4Connection;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/**
 * 语句缓存连接 — a SQLite connection that reuses its prepared statements: {@code close()} on one of them resets it
 * (result set, parameters, batch, generated keys) and puts it back; preparing the same SQL (default result-set type and
 * concurrency) takes it again. Statements are really finalized when the connection closes. A connection is used by one
 * thread at a time (the pool's contract), so the cache needs no locking.
 *
 * <p>Its transactions are its own, not sqlite-jdbc's: SQLite stays in auto-commit underneath and this connection runs
 * {@code BEGIN IMMEDIATE}/{@code COMMIT}/{@code ROLLBACK} itself. sqlite-jdbc's {@code commit()} runs {@code COMMIT}
 * and at once {@code BEGIN IMMEDIATE} again, so a pooled connection took SQLite's single write lock back right after
 * every commit, until the pool switched it to auto-commit; under load that second BEGIN waited out the busy timeout,
 * failed after the commit was durable, and — like a failed {@code setAutoCommit(false)} — left sqlite-jdbc believing
 * it was in a transaction, so every later commit on the connection failed with "cannot commit - no transaction is
 * active". Here a failed BEGIN changes nothing, and after a commit or rollback the next transaction begins with the next
 * statement ({@code StoreTransactionsTest}).
 */
final class StatementCachingConnection extends JDBC4Connection {

    /** Statements kept per SQL text, at most this many distinct texts. */
    private static final int MAX_TEXTS = 128;

    private final Map<String, Deque<ReusedStatement>> idle = new HashMap<>();

    /** JDBC's auto-commit switched off: statements run in a transaction. */
    private boolean manual;
    /** A transaction is open in SQLite (its BEGIN ran and neither COMMIT nor ROLLBACK since). */
    private boolean open;

    StatementCachingConnection(String url, String fileName, Properties properties) throws SQLException {
        super(url, fileName, properties);
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return !manual;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (autoCommit != manual) {
            return;
        }
        if (autoCommit) {
            if (open) {
                end("commit;");
            }
            manual = false;
        } else {
            begin();
            manual = true;
        }
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (!manual) {
            throw new SQLException("database in auto-commit mode");
        }
        if (open) {
            end("commit;");
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (!manual) {
            throw new SQLException("database in auto-commit mode");
        }
        if (open) {
            try {
                end("rollback;");
            } catch (SQLException gone) {
                // SQLite already rolled back on its own (an I/O error or a full disk ends the transaction)
                open = false;
                if (!String.valueOf(gone.getMessage()).contains("no transaction is active")) {
                    throw gone;
                }
            }
        }
    }

    private void begin() throws SQLException {
        getDatabase().exec(transactionPrefix(), false);
        open = true;
    }

    /** COMMIT or ROLLBACK; a COMMIT that failed (SQLITE_BUSY) leaves the transaction open for the caller's rollback. */
    private void end(String sql) throws SQLException {
        getDatabase().exec(sql, false);
        open = false;
    }

    /** In manual-commit mode a statement after COMMIT/ROLLBACK opens the next transaction, as JDBC says. */
    private void inTransaction() throws SQLException {
        if (manual && !open) {
            begin();
        }
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        inTransaction();
        return super.createStatement(type, concurrency, holdability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
            inTransaction();
            return super.prepareStatement(sql, type, concurrency, holdability);
        }
        checkOpen();
        inTransaction();
        Deque<ReusedStatement> free = idle.get(sql);
        ReusedStatement statement = free == null ? null : free.pollFirst();
        return statement != null ? statement.taken() : new ReusedStatement(this, sql);
    }

    /** Called by a statement's {@code close()}: keep it for the next prepare of the same SQL. */
    void release(ReusedStatement statement, String sql) throws SQLException {
        if (isClosed() || (idle.size() >= MAX_TEXTS && !idle.containsKey(sql))) {
            statement.finish();
            return;
        }
        idle.computeIfAbsent(sql, s -> new ArrayDeque<>(2)).addFirst(statement);
    }

    @Override
    public void close() throws SQLException {
        if (open && !isClosed()) {
            try {
                end("rollback;");
            } catch (SQLException ignored) {
                // closing discards the transaction either way
            }
        }
        for (Deque<ReusedStatement> statements : idle.values()) {
            for (ReusedStatement statement : statements) {
                statement.finish();
            }
        }
        idle.clear();
        super.close();
    }

    /** A prepared statement whose {@code close()} returns it to its connection's cache. */
    static final class ReusedStatement extends JDBC4PreparedStatement {

        private final StatementCachingConnection owner;
        private final String text;
        private boolean inCache;

        ReusedStatement(StatementCachingConnection owner, String sql) throws SQLException {
            super(owner, sql);
            this.owner = owner;
            this.text = sql;
        }

        ReusedStatement taken() {
            inCache = false;
            return this;
        }

        @Override
        public void close() throws SQLException {
            if (inCache) {
                return;
            }
            try {
                if (rs.isOpen()) {
                    rs.close();
                }
                clearParameters();
                clearBatch();
                clearGeneratedKeys();
            } catch (SQLException | RuntimeException broken) {
                finish();
                return;
            }
            inCache = true;
            owner.release(this, text);
        }

        @Override
        public boolean isClosed() {
            return inCache || super.isClosed();
        }

        /** Really closes (finalizes) the statement. */
        void finish() throws SQLException {
            inCache = true;
            super.close();
        }
    }
}
