package org.civicgrid.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * 案卷导出 — {@code export} of the operator CLI: the cases created in a date range, as CSV (one row per case, UTF-8
 * with a byte-order mark so Excel/WPS open it in Chinese) or as a JSON dump with each case's history (流转记录). Read
 * only, consistent (one read transaction), safe while the service runs. Reporters' names and phone numbers stay out.
 */
final class CliExport {

    /** The case columns exported, in order; times become ISO-8601 in the site's zone. */
    static final List<String> COLUMNS = List.of("case_number", "source", "class_code", "stage", "description", "address", "lat", "lon",
            "grid_code", "community_code", "street_code", "department", "self_handled", "rework_count", "history_count", "created_at",
            "closed_at");
    private static final String CASES = "SELECT c.id, c.case_number, c.source, c.class_code, c.stage, c.description, c.address, c.lat, c.lon, "
            + "c.grid_code, c.community_code, c.street_code, d.name AS department, c.self_handled, c.rework_count, c.history_count, "
            + "c.created_at, c.closed_at FROM case_file c LEFT JOIN department d ON d.id = c.department_id "
            + "WHERE c.created_at >= ? AND c.created_at < ? ORDER BY c.created_at, c.id";
    private static final String HISTORY = "SELECT seq, from_stage, to_stage, action, actor_name, actor_role, at, note FROM case_transition "
            + "WHERE case_id = ? ORDER BY seq";

    private final Path db;
    private final ZoneId zone;

    CliExport(Path dataDir, ZoneId zone) {
        this.db = dataDir.resolve(BackupStore.DB);
        this.zone = zone;
    }

    /** Writes the cases created on {@code from} up to and including {@code to}; returns how many. */
    int export(String format, LocalDate from, LocalDate to, OutputStream target) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=10000")) {
            c.setAutoCommit(false); // one read transaction: a consistent snapshot while the service writes
            try (PreparedStatement cases = c.prepareStatement(CASES); PreparedStatement history = c.prepareStatement(HISTORY)) {
                cases.setLong(1, from.atStartOfDay(zone).toInstant().toEpochMilli());
                cases.setLong(2, to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
                try (ResultSet rs = cases.executeQuery()) {
                    return "json".equals(format) ? json(rs, history, target) : csv(rs, target);
                }
            } finally {
                c.rollback();
            }
        }
    }

    private int csv(ResultSet rs, OutputStream target) throws SQLException, IOException {
        Writer w = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write(String.join(",", COLUMNS));
        w.write("\r\n");
        int n = 0;
        while (rs.next()) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (i > 0) {
                    w.write(',');
                }
                w.write(csvField(value(rs, COLUMNS.get(i))));
            }
            w.write("\r\n");
            n++;
        }
        w.flush();
        return n;
    }

    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        // a leading = + - @ would be a formula in Excel/WPS: quote it and prefix an apostrophe
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.startsWith("'")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private int json(ResultSet rs, PreparedStatement history, OutputStream target) throws SQLException, IOException {
        int n = 0;
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(target, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("exportedAt", Instant.now().atZone(zone).toOffsetDateTime().toString());
            g.writeArrayFieldStart("cases");
            while (rs.next()) {
                g.writeStartObject();
                for (String column : COLUMNS) {
                    g.writeObjectField(column, value(rs, column));
                }
                g.writeArrayFieldStart("history");
                history.setLong(1, rs.getLong("id"));
                try (ResultSet h = history.executeQuery()) {
                    ResultSetMetaData meta = h.getMetaData();
                    while (h.next()) {
                        g.writeStartObject();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            g.writeObjectField(meta.getColumnLabel(i), value(h, meta.getColumnLabel(i)));
                        }
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
                n++;
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return n;
    }

    /** A column's value; times (stored as epoch milliseconds) as ISO-8601 with the site's offset, flags as booleans. */
    private Object value(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        if (v == null) {
            return null;
        }
        if (column.endsWith("_at") || column.equals("at")) {
            return v instanceof Number ms ? Instant.ofEpochMilli(ms.longValue()).atZone(zone).toOffsetDateTime().toString() : v.toString();
        }
        if (column.equals("self_handled")) {
            return v instanceof Number b ? b.intValue() != 0 : Boolean.valueOf(v.toString());
        }
        return v;
    }
}
