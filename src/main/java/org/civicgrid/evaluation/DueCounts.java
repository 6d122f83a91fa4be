package org.civicgrid.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicgrid.calendar.WorkingCalendar;
import org.civicgrid.cases.facts.CaseFacts;

/**
 * 到期类指标 — the counts of {@link Indicator.Basis#DUE} and {@link Indicator#HANDLING_MINUTES}: the cases that fell due
 * in the period, one row each (see {@link #PER_CASE}), their due conditions as flags, rolled up into every object type
 * by the department of the case's last 派遣 and the case's places. Read as plain SQL ({@link NativeSql}).
 */
final class DueCounts {

    static final List<Indicator> DUES = Indicator.counts(Indicator.Basis.DUE);

    /**
     * The cases that may have fallen due in the period, one row each (the per-case summary {@code x} of
     * {@link CaseFacts#perCase}), from two sources: the kept facts ({@link org.civicgrid.cases.facts.CaseFact}) of the cases
     * that fell due in the period and have no history row at or after its end — one index range by the date they fell
     * due — and, replayed from the history up to the period's end, the cases with a deadline or a 结案 in the period
     * whose fact does not hold it (a row at or after the period's end, or no fact). Together every case exactly once.
     */
    static final List<String> PER_CASE = List.of(
            CaseFacts.fromFacts("f.fellDueAt >= :from and f.fellDueAt < :to and f.lastAt < :to"),
            CaseFacts.perCase("t.caseId in (select d.caseId from CaseTransition d where ((d.dueAt >= :from and d.dueAt < :to)"
                    + " or (d.action = 'close' and d.at >= :from and d.at < :to))"
                    + " and not exists (select 1 from CaseFact f where f.caseId = d.caseId and f.lastAt < :to))"));

    /** Which summaries are the period's due cases: the one rule, shared with the hub ({@link Indicator.Basis#DUE_WHERE}). */
    static final String DUE_WHERE = Indicator.Basis.DUE_WHERE;
    /** The row of the department answering for the case: its last 派遣. */
    static final String JOINS = " join CaseFile c on c.id = x.cid left join CaseTransition dt on dt.caseId = x.cid and dt.seq = x.dseq";
    private static final List<String> SQL = PER_CASE.stream().map(DueCounts::sql).toList();

    private DueCounts() {
    }

    private static String sql(String perCase) {
        StringBuilder select = new StringBuilder("select x.cid, x.dispatchedAt, x.handledAt, x.suspensions, " + String.join(", ", EvaluationPass.DUE_KEYS));
        DUES.forEach(i -> select.append(", case when ").append(i.condition()).append(" then 1 else 0 end"));
        return NativeSql.of(select + " from " + perCase + JOINS + DUE_WHERE);
    }

    /**
     * The cases that fell due, one row each: the due conditions as flags, and first 派遣 and last 处置反馈 for the working
     * time of {@link Indicator#HANDLING_MINUTES} (less the 挂账 time between them).
     */
    static void count(Instant from, Instant to, WorkingCalendar calendar, EvaluationPass pass) {
        int keys = EvaluationPass.DUE_KEYS.size();
        List<Object[]> rows = new ArrayList<>();
        for (String sql : SQL) {
            NativeSql.rows(sql, Map.of("from", from, "to", to), rs -> {
                Object[] row = new Object[4 + keys + DUES.size()];
                row[0] = rs.getLong(1);
                row[1] = NativeSql.instant(rs, 2);
                row[2] = NativeSql.instant(rs, 3);
                row[3] = rs.getLong(4);
                for (int k = 0; k < keys; k++) {
                    row[4 + k] = NativeSql.key(rs, 5 + k);
                }
                for (int i = 0; i < DUES.size(); i++) {
                    row[4 + keys + i] = rs.getLong(5 + keys + i);
                }
                rows.add(row);
            });
        }
        int flags = 4 + keys;
        Set<Long> paused = new LinkedHashSet<>();
        for (Object[] row : rows) {
            if (row[2] != null && (Long) row[3] > 0) {
                paused.add((Long) row[0]);
            }
        }
        Map<Long, List<Instant[]>> pauses = HandlingTime.pauses(paused, to);
        List<EvaluationObject> objects = EvaluationPass.OBJECTS;
        int[] dueKey = objects.stream().mapToInt(o -> o.dueKey() == null ? -1 : 4 + EvaluationPass.DUE_KEYS.indexOf(o.dueKey())).toArray();
        long[] counts = new long[EvaluationPass.INDICATORS.length];
        int[] filled = java.util.stream.IntStream.concat(DUES.stream().mapToInt(Indicator::ordinal),
                java.util.stream.IntStream.of(Indicator.HANDLING_MINUTES.ordinal())).toArray();
        for (Object[] row : rows) {
            for (int i = 0; i < DUES.size(); i++) {
                counts[DUES.get(i).ordinal()] = (Long) row[flags + i];
            }
            counts[Indicator.HANDLING_MINUTES.ordinal()] = row[1] != null && row[2] != null
                    ? HandlingTime.handlingMinutes(calendar, (Instant) row[1], (Instant) row[2], pauses.getOrDefault((Long) row[0], List.of())) : 0;
            for (int o = 0; o < objects.size(); o++) {
                long[] target = dueKey[o] < 0 ? null : pass.target(objects.get(o), row[dueKey[o]]);
                if (target != null) {
                    for (int i : filled) {
                        target[i] += counts[i];
                    }
                }
            }
        }
    }
}
