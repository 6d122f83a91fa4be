package org.civicgrid.appliance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 */
final class StatementCachingConnection extends JDBC4Connection {

    /** Statements kept per SQL text, at most this many distinct texts. */
    private static final int MAX_TEXTS = 128;

    private final Map<String, Deque<ReusedStatement>> idle = new HashMap<>();

    StatementCachingConnection(String url, String fileName, Properties properties) throws SQLException {
        super(url, fileName, properties);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
            return super.prepareStatement(sql, type, concurrency, holdability);
        }
        checkOpen();
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
