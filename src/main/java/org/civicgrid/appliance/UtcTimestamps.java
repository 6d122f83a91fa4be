package org.civicgrid.appliance;

import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.TimeZone;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsJdbcTimestampJdbcType;

/**
 * UTC 时间读取 — the store's instants ({@code TIMESTAMP_UTC}) read with a calendar of their own per read. Hibernate's
 * {@link TimestampUtcAsJdbcTimestampJdbcType} hands one static UTC {@link Calendar} to every
 * {@code ResultSet.getTimestamp(i, calendar)}, and sqlite-jdbc <em>sets</em> that calendar to the stored value and reads
 * it back: two threads reading instants at once (evaluation reads run outside transactions, in parallel) could each
 * get the other's value — 处置用时合计 came out different between passes computed at the same time
 * ({@code ConcurrentInstantReadsTest}). Binding is left as it is: sqlite-jdbc only reads the calendar's time zone there.
 *
 * <p>Registered as a Hibernate {@link TypeContributor} (Java service); it replaces the descriptor only where the dialect
 * chose that one (SQLite), so PostgreSQL in hub mode keeps its own.
 */
public final class UtcTimestamps extends TimestampUtcAsJdbcTimestampJdbcType implements TypeContributor {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry services) {
        JdbcType chosen = contributions.getTypeConfiguration().getJdbcTypeRegistry().findDescriptor(SqlTypes.TIMESTAMP_UTC);
        if (chosen != null && chosen.getClass() == TimestampUtcAsJdbcTimestampJdbcType.class) {
            contributions.contributeJdbcType(this);
        }
    }

    /** A fresh UTC calendar: the driver may write into it. */
    static Calendar utc() {
        return Calendar.getInstance(UTC);
    }

    @Override
    public String toString() {
        return "UtcTimestamps";
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int position, WrapperOptions options) throws SQLException {
                return wrap(rs.getTimestamp(position, utc()), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int position, WrapperOptions options) throws SQLException {
                return wrap(statement.getTimestamp(position, utc()), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options) throws SQLException {
                return wrap(statement.getTimestamp(name, utc()), options);
            }

            private X wrap(Timestamp timestamp, WrapperOptions options) {
                return javaType.wrap(timestamp == null ? null : timestamp.toInstant(), options);
            }
        };
    }
}
