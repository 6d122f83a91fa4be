package org.civicgrid.cases.facts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.cases.CaseTransition;

/**
 * 考核事实维护 — keeps {@link CaseFact} (one row per case, {@code case_eval_fact}, V23) in step with the history: each
 * history row is folded into its case's fact on the same connection and in the same transaction as its insert
 * ({@code cases.HistoryRows}, the one place history rows are written); {@link #rebuild} folds a case's whole history
 * again where rows were completed in place ({@code cases.EvaluationBackfill}). V23 built the facts of the history before it with the
 * same rule in SQL.
 */
public final class CaseFacts {

    /**
     * The per-case summary as of {@code :to} (HQL, the derived table {@code x} that evaluation reads for the cases that
     * fell due; the conditions of evaluation's due counts name its columns): evaluation deadline (the greatest
     * due_at), 挂账 still running and 挂账 in all, first 派遣, last 结案 and 重新开启, last 处置反馈, 返工 and 延期 counts,
     * the last 派遣 (whose department answers for the case) — from the case's history rows before {@code :to}, for the
     * cases picked by {@code cases} (an HQL condition on {@code t.caseId}). {@link CaseFact#with} is the same rule row
     * by row; a fact is this summary for any {@code :to} after its {@link CaseFact#lastAt}.
     */
    public static String perCase(String cases) {
        return "(select t.caseId as cid, max(t.dueAt) as due,"
                + " sum(case when t.action = 'approveSuspend' then 1 when t.action = 'resume' then -1 else 0 end) as paused,"
                + " sum(case when t.action = 'approveSuspend' then 1 else 0 end) as suspensions,"
                + " min(case when t.action = 'dispatch' then t.at end) as dispatchedAt,"
                + " max(case when t.action = 'close' then t.at end) as closedAt, max(case when t.action = 'reopen' then t.at end) as reopenedAt,"
                + " max(case when t.action = 'reportHandled' then t.at end) as handledAt,"
                + " sum(case when t.action = 'rework' then 1 else 0 end) as reworks,"
                + " sum(case when t.action = 'approveExtension' then 1 else 0 end) as extensions,"
                + " max(case when t.action = 'dispatch' then t.seq end) as dseq"
                + " from CaseTransition t where t.at < :to and " + cases + " group by t.caseId) x";
    }

    /** The same summary read from the facts (the columns of {@link #perCase}), for the facts meeting {@code where}. */
    public static String fromFacts(String where) {
        return "(select f.caseId as cid, f.dueAt as due, f.paused as paused, f.suspensions as suspensions, f.dispatchedAt as dispatchedAt,"
                + " f.closedAt as closedAt, f.reopenedAt as reopenedAt, f.handledAt as handledAt, f.reworks as reworks,"
                + " f.extensions as extensions, f.dispatchSeq as dseq from CaseFact f where " + where + ") x";
    }

    private static final String COLUMNS = "last_at, due_at, fell_due_at, paused, suspensions, dispatched_at, dispatch_seq, closed_at, reopened_at,"
            + " handled_at, reworks, extensions";
    private static final String INSERT = "INSERT INTO case_eval_fact (" + COLUMNS + ", case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE case_eval_fact SET last_at = ?, due_at = ?, fell_due_at = ?, paused = ?, suspensions = ?,"
            + " dispatched_at = ?, dispatch_seq = ?, closed_at = ?, reopened_at = ?, handled_at = ?, reworks = ?, extensions = ? WHERE case_id = ?";
    /** Case ids per IN list. */
    private static final int CHUNK = 500;

    private CaseFacts() {
    }

    /** Folds the rows (in the order written) into their cases' facts. */
    public static void add(Connection connection, List<CaseTransition> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, CaseFact> kept = read(connection, rows.stream().map(r -> r.caseId).distinct().toList());
        Map<Long, CaseFact> changed = new LinkedHashMap<>();
        for (CaseTransition row : rows) {
            CaseFact before = changed.containsKey(row.caseId) ? changed.get(row.caseId) : kept.get(row.caseId);
            changed.put(row.caseId, (before == null ? CaseFact.empty(row.caseId) : before).with(row));
        }
        write(connection, changed.values(), kept.keySet());
    }

    /** The facts of these cases folded again from their whole history (after rows were completed in place). */
    public static void rebuild(Connection connection, List<Long> caseIds) throws SQLException {
        for (int i = 0; i < caseIds.size(); i += CHUNK) {
            List<Long> ids = caseIds.subList(i, Math.min(caseIds.size(), i + CHUNK));
            Map<Long, CaseFact> facts = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT case_id, seq, action, at, due_at FROM case_transition WHERE case_id IN ("
                    + marks(ids.size()) + ") ORDER BY case_id, seq")) {
                bind(ps, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CaseTransition row = new CaseTransition();
                        row.caseId = rs.getLong(1);
                        row.seq = rs.getInt(2);
                        row.action = rs.getString(3);
                        row.at = instant(rs.getTimestamp(4));
                        row.dueAt = instant(rs.getTimestamp(5));
                        facts.put(row.caseId, facts.getOrDefault(row.caseId, CaseFact.empty(row.caseId)).with(row));
                    }
                }
            }
            write(connection, facts.values(), read(connection, ids).keySet());
        }
    }

    private static Map<Long, CaseFact> read(Connection connection, List<Long> caseIds) throws SQLException {
        Map<Long, CaseFact> out = new HashMap<>();
        for (int i = 0; i < caseIds.size(); i += CHUNK) {
            List<Long> ids = caseIds.subList(i, Math.min(caseIds.size(), i + CHUNK));
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + ", case_id FROM case_eval_fact WHERE case_id IN ("
                    + marks(ids.size()) + ")")) {
                bind(ps, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CaseFact f = CaseFact.empty(rs.getLong(13));
                        f.lastAt = instant(rs.getTimestamp(1));
                        f.dueAt = instant(rs.getTimestamp(2));
                        f.fellDueAt = instant(rs.getTimestamp(3));
                        f.paused = rs.getInt(4);
                        f.suspensions = rs.getInt(5);
                        f.dispatchedAt = instant(rs.getTimestamp(6));
                        int seq = rs.getInt(7);
                        f.dispatchSeq = rs.wasNull() ? null : seq;
                        f.closedAt = instant(rs.getTimestamp(8));
                        f.reopenedAt = instant(rs.getTimestamp(9));
                        f.handledAt = instant(rs.getTimestamp(10));
                        f.reworks = rs.getInt(11);
                        f.extensions = rs.getInt(12);
                        out.put(f.caseId, f);
                    }
                }
            }
        }
        return out;
    }

    private static void write(Connection connection, Collection<CaseFact> facts, java.util.Set<Long> existing) throws SQLException {
        List<CaseFact> inserts = new ArrayList<>();
        List<CaseFact> updates = new ArrayList<>();
        facts.forEach(f -> (existing.contains(f.caseId) ? updates : inserts).add(f));
        for (var batch : List.of(Map.entry(INSERT, inserts), Map.entry(UPDATE, updates))) {
            if (batch.getValue().isEmpty()) {
                continue;
            }
            try (PreparedStatement ps = connection.prepareStatement(batch.getKey())) {
                for (CaseFact f : batch.getValue()) {
                    ps.setTimestamp(1, timestamp(f.lastAt));
                    ps.setTimestamp(2, timestamp(f.dueAt));
                    ps.setTimestamp(3, timestamp(f.fellDueAt));
                    ps.setInt(4, f.paused);
                    ps.setInt(5, f.suspensions);
                    ps.setTimestamp(6, timestamp(f.dispatchedAt));
                    if (f.dispatchSeq == null) {
                        ps.setNull(7, Types.INTEGER);
                    } else {
                        ps.setInt(7, f.dispatchSeq);
                    }
                    ps.setTimestamp(8, timestamp(f.closedAt));
                    ps.setTimestamp(9, timestamp(f.reopenedAt));
                    ps.setTimestamp(10, timestamp(f.handledAt));
                    ps.setInt(11, f.reworks);
                    ps.setInt(12, f.extensions);
                    ps.setLong(13, f.caseId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
