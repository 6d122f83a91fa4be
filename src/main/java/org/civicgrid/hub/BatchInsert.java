package org.civicgrid.hub;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.descriptor.ValueBinder;

/**
 * 批量写入 — one JDBC batch of rows of a hub table, in the caller's transaction (the session's connection), each value
 * bound exactly as Hibernate binds the entity's attribute (timestamps too, whatever the JVM's time zone). The hub's
 * ingest writes three rows per event: one round trip per row (identity inserts, which Hibernate cannot batch) made a
 * 100k-event drain take minutes; a batch (rewritten into multi-row inserts by the PostgreSQL driver) takes one.
 * {@link #onConflict} takes an {@code ON CONFLICT} clause both databases understand (SQLite ≥ 3.24, PostgreSQL ≥ 9.5).
 */
final class BatchInsert {

    private final String table;
    private final List<String> columns = new ArrayList<>();
    private String suffix = "";
    private final List<ValueBinder<Object>> binders = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    @SuppressWarnings("unchecked")
    BatchInsert(EntityManager em, Class<?> entity, String table, String... attributes) {
        this.table = table;
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(entity);
        for (String attribute : attributes) {
            AttributeMapping mapping = persister.findAttributeMapping(attribute);
            if (mapping == null) {
                throw new IllegalArgumentException(entity.getSimpleName() + " has no attribute " + attribute);
            }
            columns.add(((SelectableMapping) mapping).getSelectionExpression());
            binders.add((ValueBinder<Object>) mapping.getSingleJdbcMapping().getJdbcValueBinder());
        }
    }

    /** The columns, in the order of the attributes. */
    List<String> columns() {
        return List.copyOf(columns);
    }

    /** What to do with a row whose key exists: {@code ON CONFLICT <clause>}. */
    BatchInsert onConflict(String clause) {
        this.suffix = " ON CONFLICT " + clause;
        return this;
    }

    BatchInsert add(Object... values) {
        if (values.length != binders.size()) {
            throw new IllegalArgumentException(values.length + " values for " + binders.size() + " columns");
        }
        rows.add(values);
        return this;
    }

    int size() {
        return rows.size();
    }

    /** Writes the rows added so far (nothing when there are none). */
    void write(EntityManager em) {
        if (rows.isEmpty()) {
            return;
        }
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)" + suffix;
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        binders.get(i).bind(statement, row[i], i + 1, session);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                SQLException cause = e.getNextException() != null ? e.getNextException() : e; // PostgreSQL tells why in the next one
                throw new IllegalStateException("batch insert failed: " + sql + ": " + cause.getMessage(), cause);
            }
        });
        rows.clear();
    }
}
