package org.civicgrid.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 重复发案 — {@link Indicator#RECURRED}: the cases filed in the period whose class had a case closed in the same unit
 * grid within the window before the filing (moved from {@link EvaluationQueries}; read as plain SQL, {@link NativeSql}).
 */
public final class Recurrences {

    private static final String CLOSURES = NativeSql.of("select c.classCode || ' ' || c.gridCode, t.at from CaseTransition t join CaseFile c on c.id = t.caseId"
            + " where t.action = 'close' and t.at >= :from and t.at < :to and c.classCode is not null and c.gridCode is not null");
    private static final String FILINGS = NativeSql.of("select " + String.join(", ", EvaluationPass.EVENT_KEYS) + ", c.classCode || ' ' || c.gridCode, t.at"
            + " from CaseTransition t join CaseFile c on c.id = t.caseId where t.action = 'file' and t.at >= :from and t.at < :to"
            + " and c.classCode is not null and c.gridCode is not null");

    private Recurrences() {
    }

    /**
     * The cases filed in the period against the closures of the same class in the same unit grid in the window before
     * them — two index range reads matched in memory by (class, grid) (one key column: class codes hold no space).
     */
    static void count(Instant from, Instant to, int recurrenceDays, EvaluationPass pass) {
        Duration window = Duration.ofDays(recurrenceDays);
        Map<String, List<Instant>> closures = new HashMap<>();
        NativeSql.rows(CLOSURES, Map.of("from", from.minus(window), "to", to),
                rs -> closures.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(NativeSql.instant(rs, 2)));
        if (closures.isEmpty()) {
            return;
        }
        closures.values().forEach(Collections::sort);
        int n = EvaluationPass.EVENT_KEYS.size();
        NativeSql.rows(FILINGS, Map.of("from", from, "to", to), rs -> {
            List<Instant> before = closures.get(rs.getString(n + 1));
            if (before != null && closedWithin(before, NativeSql.instant(rs, n + 2), window)) {
                Object[] keys = new Object[n];
                for (int k = 0; k < n; k++) {
                    keys[k] = NativeSql.key(rs, k + 1);
                }
                pass.addEvent(keys, 0, Indicator.RECURRED, 1L);
            }
        });
    }

    /** Whether a closure (sorted) lies in [filedAt − window, filedAt): the rule of 重复发案, for the edge and the hub. */
    public static boolean closedWithin(List<Instant> sortedClosures, Instant filedAt, Duration window) {
        int i = Collections.binarySearch(sortedClosures, filedAt);
        int before = (i >= 0 ? i : -i - 1) - 1; // the latest closure strictly before the filing (equal instants come first)
        while (before >= 0 && !sortedClosures.get(before).isBefore(filedAt)) {
            before--;
        }
        return before >= 0 && !sortedClosures.get(before).isBefore(filedAt.minus(window));
    }
}
