package org.civicgrid.testsupport;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Raw SQL on the application's own SQLite store, to check what is really written to disk. */
public final class Store {

    private Store() {
    }

    public static List<String> column(AgroalDataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static String single(AgroalDataSource dataSource, String sql) {
        List<String> values = column(dataSource, sql);
        if (values.size() != 1) {
            throw new IllegalStateException(sql + " returned " + values.size() + " rows");
        }
        return values.get(0);
    }

    public static long count(AgroalDataSource dataSource, String table) {
        return Long.parseLong(single(dataSource, "select count(*) from " + table));
    }
}
