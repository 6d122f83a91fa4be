package org.civicgrid.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civicgrid.alert.AlertOutcome;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseSource;

/**
 * 指标计算 — the counts of {@link Indicator} per object over a period, each in a few grouped SQL queries over the case
 * history ({@code case_transition}, never the case's counters): one over the period's events, one over the cases that
 * fell due in it (a derived table of one row per case), the alert merges, the ratings, and 重复发案 (filed cases
 * against the closures of the same class and grid before them). The condition of each count is written once here
 * and serves both the figures and the drill-down to the cases behind a figure.
 */
@ApplicationScoped
public class EvaluationQueries {

    /** One event count: the condition on history row {@code t} (case {@code c}) in the period. */
    private record EventRule(Indicator indicator, String condition) {
    }

    private static final String LATER = "exists (select 1 from CaseTransition r where r.caseId = t.caseId and r.seq > t.seq and r.at < :to and r.action = ";

    private static final List<EventRule> EVENTS = List.of(
            new EventRule(Indicator.REPORTED, "t.action = 'report'"),
            new EventRule(Indicator.VALID_REPORTS, "t.action = 'report' and " + LATER + "'file')"),
            new EventRule(Indicator.FILED, "t.action = 'file'"),
            new EventRule(Indicator.DISCARDED, "t.action in ('discard', 'decline')"),
            new EventRule(Indicator.FILED_DISCARDED, "t.action = 'file' and " + LATER + "'discard')"),
            new EventRule(Indicator.DUPLICATE_REPORTS, "t.action = 'mergeDuplicate'"),
            new EventRule(Indicator.PUBLIC_FILED, "t.action = 'file' and c.source in (:publicSources)"),
            new EventRule(Indicator.DISPATCHED, "t.action = 'dispatch'"),
            new EventRule(Indicator.RETURNED, "t.action = 'dispatch' and " + LATER + "'approveReturn')"),
            new EventRule(Indicator.SUSPENDED, "t.action = 'approveSuspend'"),
            new EventRule(Indicator.URGED, "t.action = 'urge'"),
            new EventRule(Indicator.CONFIRMS, "t.action in ('confirm', 'confirmNotFound')"),
            new EventRule(Indicator.CONFIRMS_ON_TIME, "t.action in ('confirm', 'confirmNotFound') and t.at <= t.stageDueAt"),
            new EventRule(Indicator.CHECKS, "t.action in ('verify', 'rework')"),
            new EventRule(Indicator.CHECKS_ON_TIME, "t.action in ('verify', 'rework') and t.at <= t.stageDueAt"));

    private static final String EVENT_ACTIONS = "('report', 'file', 'discard', 'decline', 'mergeDuplicate', 'dispatch', 'approveSuspend',"
            + " 'urge', 'confirm', 'confirmNotFound', 'verify', 'rework')";

    /**
     * One row per case with a deadline or a 结案 in the period, from its history up to the period's end: evaluation
     * deadline (the greatest due_at), 挂账 still running, last 结案 and 重新开启, last 处置反馈, 返工 and 延期 counts, the
     * last 派遣 (whose department answers for the case).
     */
    private static final String PER_CASE = "(select t.caseId as cid, max(t.dueAt) as due,"
            + " sum(case when t.action = 'approveSuspend' then 1 when t.action = 'resume' then -1 else 0 end) as paused,"
            + " max(case when t.action = 'close' then t.at end) as closedAt, max(case when t.action = 'reopen' then t.at end) as reopenedAt,"
            + " max(case when t.action = 'reportHandled' then t.at end) as handledAt,"
            + " sum(case when t.action = 'rework' then 1 else 0 end) as reworks,"
            + " sum(case when t.action = 'approveExtension' then 1 else 0 end) as extensions,"
            + " max(case when t.action = 'dispatch' then t.seq end) as dseq"
            + " from CaseTransition t where t.at < :to and t.caseId in (select d.caseId from CaseTransition d"
            + " where (d.dueAt >= :from and d.dueAt < :to) or (d.action = 'close' and d.at >= :from and d.at < :to))"
            + " group by t.caseId) x";

    private static final String CLOSED_VALID = "(x.closedAt is not null and (x.reopenedAt is null or x.reopenedAt < x.closedAt))";
    /** The date a case fell due: its 结案 when that came before the deadline, else the deadline. */
    private static final String FELL_DUE = "(case when " + CLOSED_VALID + " and x.closedAt < x.due then x.closedAt else x.due end)";
    private static final String DUE_WHERE = " where x.paused = 0 and x.due is not null and " + FELL_DUE + " >= :from and " + FELL_DUE + " < :to";

    private static final Map<Indicator, String> DUE_RULES = new LinkedHashMap<>();

    static {
        DUE_RULES.put(Indicator.DUE, "1 = 1");
        DUE_RULES.put(Indicator.CLOSED, CLOSED_VALID);
        DUE_RULES.put(Indicator.CLOSED_ON_TIME, CLOSED_VALID + " and x.closedAt <= x.due");
        DUE_RULES.put(Indicator.HANDLED_ON_TIME, "x.handledAt is not null and x.handledAt <= x.due");
        DUE_RULES.put(Indicator.OVERDUE, "not (" + CLOSED_VALID + " and x.closedAt <= x.due)");
        DUE_RULES.put(Indicator.REWORKED, "x.reworks > 0");
        DUE_RULES.put(Indicator.EXTENDED, "x.extensions > 0");
    }

    private final EvaluationConfig config;
    private final Clock clock;

    EvaluationQueries(EvaluationConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A period still running is evaluated as of now: a case falls due only once its deadline has passed. */
    private Instant until(Instant to) {
        Instant now = clock.instant();
        return now.isBefore(to) ? now : to;
    }

    /** Whether this count is one of the due counts (drill-down lists cases that fell due). */
    static boolean isDueCount(Indicator indicator) {
        return DUE_RULES.containsKey(indicator);
    }

    /** The counts per object key (department id, street code …, staff id for posts) for [from, to). */
    public Map<String, EnumMap<Indicator, Long>> counts(EvaluationObject object, Instant from, Instant to) {
        Map<String, EnumMap<Indicator, Long>> out = new TreeMap<>();
        to = until(to);
        if (!from.isBefore(to)) {
            return out;
        }
        events(object, from, to, out);
        if (object.dueKey() != null) {
            due(object, from, to, out);
        }
        alertMerges(object, from, to, out);
        ratings(object, from, to, out);
        recurrences(object, from, to, out);
        return out;
    }

    /** The ids of the cases behind one figure (at most {@code limit}). */
    public List<Long> caseIds(EvaluationObject object, String key, Indicator indicator, Instant from, Instant to, int limit) {
        EntityManager em = CaseFile.getEntityManager();
        to = until(to);
        TypedQuery<Long> q;
        if (DUE_RULES.containsKey(indicator) && object.dueKey() != null) {
            q = em.createQuery("select x.cid from " + PER_CASE + " join CaseFile c on c.id = x.cid left join CaseTransition dt on dt.caseId = x.cid"
                    + " and dt.seq = x.dseq" + DUE_WHERE + " and " + DUE_RULES.get(indicator) + " and str(" + object.dueKey() + ") = :key order by x.cid",
                    Long.class);
        } else {
            EventRule rule = EVENTS.stream().filter(r -> r.indicator() == indicator).findFirst().orElse(null);
            if (rule == null) {
                return List.of();
            }
            q = em.createQuery("select distinct t.caseId from CaseTransition t join CaseFile c on c.id = t.caseId where t.at >= :from and t.at < :to and "
                    + rule.condition() + " and str(" + object.eventKey() + ") = :key order by t.caseId", Long.class);
            if (rule.condition().contains(":publicSources")) {
                q.setParameter("publicSources", List.of(CaseSource.PUBLIC, CaseSource.HOTLINE));
            }
        }
        return q.setParameter("from", from).setParameter("to", to).setParameter("key", key).setMaxResults(limit).getResultList();
    }

    private void events(EvaluationObject object, Instant from, Instant to, Map<String, EnumMap<Indicator, Long>> out) {
        StringBuilder select = new StringBuilder("select " + object.eventKey());
        EVENTS.forEach(r -> select.append(", sum(case when ").append(r.condition()).append(" then 1 else 0 end)"));
        List<Object[]> rows = CaseFile.getEntityManager().createQuery(select + " from CaseTransition t join CaseFile c on c.id = t.caseId"
                        + " where t.at >= :from and t.at < :to and t.action in " + EVENT_ACTIONS + " group by " + object.eventKey(), Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("publicSources", List.of(CaseSource.PUBLIC, CaseSource.HOTLINE))
                .getResultList();
        for (Object[] row : rows) {
            for (int i = 0; i < EVENTS.size(); i++) {
                add(out, row[0], EVENTS.get(i).indicator(), row[i + 1]);
            }
        }
    }

    private void due(EvaluationObject object, Instant from, Instant to, Map<String, EnumMap<Indicator, Long>> out) {
        StringBuilder select = new StringBuilder("select " + object.dueKey());
        DUE_RULES.values().forEach(condition -> select.append(", sum(case when ").append(condition).append(" then 1 else 0 end)"));
        List<Object[]> rows = CaseFile.getEntityManager().createQuery(select + " from " + PER_CASE + " join CaseFile c on c.id = x.cid"
                        + " left join CaseTransition dt on dt.caseId = x.cid and dt.seq = x.dseq" + DUE_WHERE + " group by " + object.dueKey(), Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        List<Indicator> order = new ArrayList<>(DUE_RULES.keySet());
        for (Object[] row : rows) {
            for (int i = 0; i < order.size(); i++) {
                add(out, row[0], order.get(i), row[i + 1]);
            }
        }
    }

    /** The case's column that names the object (its department or place); null for posts, which no case names. */
    private static String caseKey(EvaluationObject object) {
        return switch (object) {
            case DEPARTMENT -> "c.departmentId";
            case POST -> null;
            default -> object.eventKey();
        };
    }

    /** 重复上报 by camera and drone alerts merged into an open case (manual and hotline merges are history rows). */
    private void alertMerges(EvaluationObject object, Instant from, Instant to, Map<String, EnumMap<Indicator, Long>> out) {
        String key = caseKey(object);
        if (key == null) {
            return;
        }
        CaseFile.getEntityManager().createQuery("select " + key + ", count(a) from AlertMessage a join CaseFile c on c.id = a.caseId"
                        + " where a.outcome = :merged and a.receivedAt >= :from and a.receivedAt < :to group by " + key, Object[].class)
                .setParameter("merged", AlertOutcome.MERGED).setParameter("from", from).setParameter("to", to).getResultList()
                .forEach(row -> add(out, row[0], Indicator.DUPLICATE_REPORTS, row[1]));
    }

    /** 公众满意度: portal ratings (1–5, satisfied from 4) and hotline call-backs, by the case's department or place. */
    private void ratings(EvaluationObject object, Instant from, Instant to, Map<String, EnumMap<Indicator, Long>> out) {
        String key = caseKey(object);
        if (key == null) {
            return;
        }
        CaseFile.getEntityManager().createQuery("select " + key + ", count(r), sum(case when r.score >= 4 then 1 else 0 end)"
                        + " from PublicRating r join CaseFile c on c.id = r.caseId where r.ratedAt >= :from and r.ratedAt < :to group by " + key,
                        Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList().forEach(row -> {
                    add(out, row[0], Indicator.RATINGS, row[1]);
                    add(out, row[0], Indicator.SATISFIED, row[2]);
                });
        CaseFile.getEntityManager().createQuery("select " + key + ", count(b), sum(case when b.satisfied = true then 1 else 0 end)"
                        + " from CallBack b join CaseFile c on c.id = b.caseId where b.calledAt >= :from and b.calledAt < :to group by " + key,
                        Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList().forEach(row -> {
                    add(out, row[0], Indicator.RATINGS, row[1]);
                    add(out, row[0], Indicator.SATISFIED, row[2]);
                });
    }

    /**
     * 重复发案: the cases filed in the period against the closures of the same class in the same unit grid in the window
     * before them — two index range reads matched in memory by (class, grid).
     */
    private void recurrences(EvaluationObject object, Instant from, Instant to, Map<String, EnumMap<Indicator, Long>> out) {
        Duration window = Duration.ofDays(config.recurrenceDays());
        Map<String, List<Instant>> closures = new HashMap<>();
        CaseFile.getEntityManager().createQuery("select c.classCode, c.gridCode, t.at from CaseTransition t join CaseFile c on c.id = t.caseId"
                        + " where t.action = 'close' and t.at >= :from and t.at < :to and c.classCode is not null and c.gridCode is not null", Object[].class)
                .setParameter("from", from.minus(window)).setParameter("to", to).getResultList()
                .forEach(row -> closures.computeIfAbsent(row[0] + "|" + row[1], k -> new ArrayList<>()).add((Instant) row[2]));
        if (closures.isEmpty()) {
            return;
        }
        CaseFile.getEntityManager().createQuery("select " + object.eventKey() + ", c.classCode, c.gridCode, t.at from CaseTransition t"
                        + " join CaseFile c on c.id = t.caseId where t.action = 'file' and t.at >= :from and t.at < :to", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList().forEach(row -> {
                    Instant filedAt = (Instant) row[3];
                    List<Instant> before = closures.getOrDefault(row[1] + "|" + row[2], List.of());
                    if (before.stream().anyMatch(at -> at.isBefore(filedAt) && !at.isBefore(filedAt.minus(window)))) {
                        add(out, row[0], Indicator.RECURRED, 1L);
                    }
                });
    }

    private static void add(Map<String, EnumMap<Indicator, Long>> out, Object key, Indicator indicator, Object value) {
        if (key == null) {
            return;
        }
        long n = value == null ? 0 : ((Number) value).longValue();
        out.computeIfAbsent(String.valueOf(key), k -> new EnumMap<>(Indicator.class)).merge(indicator, n, Long::sum);
    }
}
