package org.civicgrid.cases;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.civicgrid.cases.facts.CaseFacts;
import org.civicgrid.sync.Outbox;
import org.civicgrid.sync.OutboxEntry;

/**
 * 流转记录写入 — stores a case's history row with its outbox event: at once, or, inside {@link #batched}, collected
 * and written when the batch's work is done as two batched inserts (an alert storm's new cases: 上报, 受理 and 立案 of
 * hundreds of cases in one transaction were six single inserts per case, each with its own generated-key read).
 * The rows are the same either way (AlertStormRowsTest); the batch is for system actions that read no history rows
 * of their cases while it runs. Each row is folded into its case's evaluation fact ({@link CaseFacts}) with its insert.
 */
@ApplicationScoped
public class HistoryRows {

    private static final String INSERT = "INSERT INTO case_transition (case_id, seq, from_stage, to_stage, action, actor_id, actor_name,"
            + " actor_role, department_id, at, note, due_at, stage_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Outbox outbox;
    private final AgroalDataSource dataSource;
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();

    private record Pending(List<CaseTransition> rows, List<OutboxEntry> events) {
    }

    HistoryRows(Outbox outbox, AgroalDataSource dataSource) {
        this.outbox = outbox;
        this.dataSource = dataSource;
    }

    /** Stores the row and its event now, or at the end of the batch running on this thread. */
    void append(CaseTransition row, OutboxEntry event) {
        Pending batch = pending.get();
        if (batch == null) {
            row.persist();
            outbox.store(event);
            try (Connection connection = dataSource.getConnection()) {
                CaseFacts.add(connection, List.of(row));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store the case's evaluation facts: " + e.getMessage(), e);
            }
        } else {
            batch.rows().add(row);
            batch.events().add(event);
        }
    }

    /**
     * Runs {@code work} collecting the history rows and outbox events it appends, then inserts them in order on the
     * transaction's connection (batched) before returning. A batch inside a batch joins it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T batched(Supplier<T> work) {
        if (pending.get() != null) {
            return work.get();
        }
        Pending batch = new Pending(new ArrayList<>(), new ArrayList<>());
        pending.set(batch);
        T result;
        try {
            result = work.get();
        } finally {
            pending.remove();
        }
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, batch.rows());
            CaseFacts.add(connection, batch.rows());
            outbox.insert(connection, batch.events());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store history rows: " + e.getMessage(), e);
        }
        return result;
    }

    private static void insert(Connection connection, List<CaseTransition> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (CaseTransition t : rows) {
                ps.setLong(1, t.caseId);
                ps.setInt(2, t.seq);
                ps.setString(3, t.from == null ? null : t.from.name());
                ps.setString(4, t.to.name());
                ps.setString(5, t.action);
                setLong(ps, 6, t.actorId);
                ps.setString(7, t.actorName);
                ps.setString(8, t.actorRole);
                setLong(ps, 9, t.departmentId);
                ps.setTimestamp(10, timestamp(t.at));
                ps.setString(11, t.note);
                ps.setTimestamp(12, timestamp(t.dueAt));
                ps.setTimestamp(13, timestamp(t.stageDueAt));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
