package org.civicgrid.appliance;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.JDBC;

/**
 * 语句缓存驱动 — the SQLite JDBC driver with a per-connection cache of prepared statements. sqlite-jdbc compiles every
 * {@code prepareStatement} anew (xerial/sqlite-jdbc#614) and neither Agroal nor Hibernate caches them, so a case action
 * spent a fifth of its CPU compiling the same few statements; here a connection keeps each statement it prepared and
 * hands it out again, reset, when the same SQL is prepared while it is not in use. Configured as
 * {@code quarkus.datasource.jdbc.driver}.
 */
@RegisterForReflection
public class StatementCachingDriver extends JDBC {

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String trimmed = url.trim();
        return new StatementCachingConnection(trimmed, trimmed.substring(PREFIX.length()), info == null ? new Properties() : info);
    }
}
