package org.civicgrid.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.cases.CaseFile;
import org.hibernate.Session;

/**
 * 原生查询 — the evaluation pass's large reads in plain SQL on the session's connection: the {@link Indicator} conditions
 * (HQL on the entities) translated to their tables and columns by name, and the rows read with JDBC (tens of thousands of
 * rows through Hibernate's extraction were a visible share of a pass). Only the vocabulary the conditions use is
 * translated: the entities {@code CaseTransition}, {@code CaseFile}, {@code CaseFact} and the fields of the aliases
 * {@code t r d dt} (history rows), {@code c} (the case) and {@code f} (its fact), camelCase to snake_case; the
 * derived table {@code x} of the due counts keeps its column names. Named parameters become positional: an
 * {@link Instant} is bound as a timestamp, a collection as a list.
 */
final class NativeSql {

    private static final Pattern FIELD = Pattern.compile("\\b(t|c|r|d|dt|f)\\.([a-z][A-Za-z]*)\\b");
    private static final Pattern UPPER = Pattern.compile("([A-Z])");
    private static final Pattern PARAMETER = Pattern.compile(":([a-zA-Z]+)");
    private static final Pattern LEFT_OVER = Pattern.compile("\\b(?:from|join)\\s+[A-Z]\\w*");

    private NativeSql() {
    }

    /** The SQL of an HQL expression or query over the evaluation's entities. */
    static String of(String hql) {
        String sql = hql.replace("CaseTransition ", "case_transition ").replace("CaseFile ", "case_file ").replace("CaseFact ", "case_eval_fact ");
        Matcher m = FIELD.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1) + "." + UPPER.matcher(m.group(2)).replaceAll("_$1").toLowerCase(java.util.Locale.ROOT));
        }
        m.appendTail(out);
        if (LEFT_OVER.matcher(out).find()) {
            throw new IllegalStateException("an entity without a table in the SQL: " + out);
        }
        return out.toString();
    }

    /** Runs the query (named parameters) on the session's connection and hands each row to {@code row}. */
    static void rows(String sql, Map<String, ?> parameters, RowReader row) {
        CaseFile.getEntityManager().unwrap(Session.class).doWork(connection -> rows(connection, sql, parameters, row));
    }

    /** Runs the query (named parameters) on this connection and hands each row to {@code row}, its columns as JDBC objects. */
    static void rows(Connection connection, String sql, Map<String, ?> parameters, RowReader row) throws SQLException {
        List<Object> values = new ArrayList<>();
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            if (!parameters.containsKey(m.group(1))) {
                throw new IllegalArgumentException("no value for :" + m.group(1) + " in " + sql);
            }
            Object value = parameters.get(m.group(1));
            if (value instanceof Collection<?> list) {
                m.appendReplacement(positional, String.join(", ", java.util.Collections.nCopies(list.size(), "?")));
                values.addAll(list);
            } else {
                m.appendReplacement(positional, "?");
                values.add(value);
            }
        }
        m.appendTail(positional);
        try (PreparedStatement ps = connection.prepareStatement(positional.toString())) {
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof Instant at) {
                    ps.setTimestamp(i + 1, Timestamp.from(at));
                } else if (v instanceof Enum<?> e) {
                    ps.setString(i + 1, e.name());
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    /** A time read from a row: SQLite keeps epoch milliseconds, PostgreSQL a timestamp. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        return rs.getTimestamp(column).toInstant();
    }

    /** A key column as the pass keys it (department and staff ids, place codes): its text, or null. */
    static String key(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        return v == null ? null : String.valueOf(v);
    }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
