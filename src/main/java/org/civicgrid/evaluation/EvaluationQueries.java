package org.civicgrid.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.alert.AlertOutcome;
import org.civicgrid.calendar.Calendars;
import org.civicgrid.calendar.LimitUnit;
import org.civicgrid.calendar.WorkingCalendar;
import org.civicgrid.cases.facts.CaseFacts;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseSource;

/**
 * 指标计算 — the counts of {@link Indicator} over a period for every object type at once, from one pass over the case
 * history ({@code case_transition}, never the case's counters): one grouped scan of the period's events by all the
 * object columns together (department, post, unit grid, community, street, site), one read of the cases that fell due
 * in it (one row per case: their kept evaluation facts by the date they fell due, and the few cases with history after
 * the period's end replayed from it — see {@link #PER_CASE}), the ratings and 重复发案 — then rolled up in memory into each object type
 * (a grid's rows into its community, street and county by the case's own columns, so a case without a community still
 * counts for its grid, street and county). Every condition comes from the {@link Indicator} table; the same conditions
 * serve the drill-down to the cases behind a figure.
 *
 * <p>A pass is kept for the next asker while nothing it read has changed: it is keyed by its period (a running period
 * ends now), the newest history, rating and 回访 rows and the working calendar — the history is append-only, so the
 * same key means the same figures. Camera and drone merges (重复上报) are counted on every call, since a review can
 * turn a pending alert into a merge in place.
 */
@ApplicationScoped
public class EvaluationQueries {

    /**
     * Object type → object key (department id, street code …, staff id for posts) → counts by {@link Indicator#ordinal()}
     * (plain arrays: the roll-up adds tens of thousands of rows into six object types).
     */
    private record Pass(Map<EvaluationObject, Map<String, long[]>> counts) {
    }

    private static final Indicator[] INDICATORS = Indicator.values();

    /** What a pass depends on besides the period. */
    private record Version(Instant from, Instant to, Long transitions, Long ratings, Long callBacks, WorkingCalendar calendar) {
    }

    private static final List<EvaluationObject> OBJECTS = List.of(EvaluationObject.values());
    /** The columns the event scan groups by: each object type's event key once. */
    private static final List<String> EVENT_KEYS = OBJECTS.stream().map(EvaluationObject::eventKey).distinct().toList();
    /** The columns a due case is attributed by (posts answer for no due case). */
    private static final List<String> DUE_KEYS = OBJECTS.stream().map(EvaluationObject::dueKey).filter(Objects::nonNull).distinct().toList();
    /** The case's columns naming the object, for what belongs to a case rather than to a history row. */
    private static final List<String> CASE_KEYS = OBJECTS.stream().map(EvaluationQueries::caseKey).filter(Objects::nonNull).distinct().toList();

    private static final List<Indicator> EVENTS = Indicator.counts(Indicator.Basis.EVENT);
    private static final List<Indicator> DUES = Indicator.counts(Indicator.Basis.DUE);
    /** The actions the event conditions name: the scan reads only those rows. */
    private static final String EVENT_ACTIONS = eventActions();

    /**
     * The cases that may have fallen due in the period, one row each (the per-case summary {@code x} of
     * {@link CaseFacts#perCase}), from two sources: the kept facts ({@link org.civicgrid.cases.facts.CaseFact}) of the cases
     * that fell due in the period and have no history row at or after its end — one index range by the date they fell
     * due — and, replayed from the history up to the period's end, the cases with a deadline or a 结案 in the period
     * whose fact does not hold it (a row at or after the period's end, or no fact). Together every case exactly once.
     */
    private static final List<String> PER_CASE = List.of(
            CaseFacts.fromFacts("f.fellDueAt >= :from and f.fellDueAt < :to and f.lastAt < :to"),
            CaseFacts.perCase("t.caseId in (select d.caseId from CaseTransition d where ((d.dueAt >= :from and d.dueAt < :to)"
                    + " or (d.action = 'close' and d.at >= :from and d.at < :to))"
                    + " and not exists (select 1 from CaseFact f where f.caseId = d.caseId and f.lastAt < :to))"));

    /** The date a case fell due: its 结案 when that came before the deadline, else the deadline. */
    private static final String FELL_DUE = "(case when " + Indicator.Basis.CLOSED_VALID + " and x.closedAt < x.due then x.closedAt else x.due end)";
    private static final String DUE_WHERE = " where x.paused = 0 and x.due is not null and " + FELL_DUE + " >= :from and " + FELL_DUE + " < :to";
    private static final int MEMO_SIZE = 8;

    private final EvaluationConfig config;
    private final Clock clock;
    private final Calendars calendars;
    private final Map<Version, Pass> memo = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Version, Pass> eldest) {
            return size() > MEMO_SIZE;
        }
    });

    EvaluationQueries(EvaluationConfig config, Clock clock, Calendars calendars) {
        this.config = config;
        this.clock = clock;
        this.calendars = calendars;
    }

    /** A period still running is evaluated as of now: a case falls due only once its deadline has passed. */
    private Instant until(Instant to) {
        Instant now = clock.instant();
        return now.isBefore(to) ? now : to;
    }

    /** Whether this count is one of the due counts (drill-down lists cases that fell due). */
    static boolean isDueCount(Indicator indicator) {
        return indicator.basis() == Indicator.Basis.DUE || indicator == Indicator.HANDLING_MINUTES;
    }

    /** The counts per object key (department id, street code …, staff id for posts) for [from, to). */
    public Map<String, EnumMap<Indicator, Long>> counts(EvaluationObject object, Instant from, Instant to) {
        Map<String, EnumMap<Indicator, Long>> out = new TreeMap<>();
        to = until(to);
        if (!from.isBefore(to)) {
            return out;
        }
        pass(from, to).counts().getOrDefault(object, Map.of()).forEach((key, counts) -> {
            EnumMap<Indicator, Long> map = new EnumMap<>(Indicator.class);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    map.put(INDICATORS[i], counts[i]);
                }
            }
            out.put(key, map);
        });
        alertMerges(object, from, to, out);
        return out;
    }

    /** The pass of [from, to) for every object type: the kept one while nothing it read has changed, else a new one. */
    private Pass pass(Instant from, Instant to) {
        EntityManager em = CaseFile.getEntityManager();
        Version version = new Version(from, to, em.createQuery("select max(t.id) from CaseTransition t", Long.class).getSingleResult(),
                em.createQuery("select max(r.id) from PublicRating r", Long.class).getSingleResult(),
                em.createQuery("select max(b.id) from CallBack b", Long.class).getSingleResult(), calendars.current());
        Pass pass = memo.get(version);
        if (pass == null) {
            Map<EvaluationObject, Map<String, long[]>> counts = new EnumMap<>(EvaluationObject.class);
            OBJECTS.forEach(o -> counts.put(o, new HashMap<>()));
            pass = new Pass(counts);
            events(from, to, pass);
            due(from, to, version.calendar(), pass);
            ratings(from, to, pass);
            recurrences(from, to, pass);
            memo.put(version, pass);
        }
        return pass;
    }

    /** The ids of the cases behind one figure (at most {@code limit}). */
    public List<Long> caseIds(EvaluationObject object, String key, Indicator indicator, Instant from, Instant to, int limit) {
        EntityManager em = CaseFile.getEntityManager();
        to = until(to);
        Indicator rule = indicator == Indicator.HANDLING_MINUTES ? Indicator.HANDLED : indicator;
        TypedQuery<Long> q;
        if (rule.basis() == Indicator.Basis.DUE && object.dueKey() != null) {
            java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
            for (String perCase : PER_CASE) {
                ids.addAll(em.createQuery("select x.cid from " + perCase + " join CaseFile c on c.id = x.cid left join CaseTransition dt"
                                + " on dt.caseId = x.cid and dt.seq = x.dseq" + DUE_WHERE + " and " + rule.condition() + " and str(" + object.dueKey()
                                + ") = :key order by x.cid", Long.class)
                        .setParameter("from", from).setParameter("to", to).setParameter("key", key).setMaxResults(limit).getResultList());
            }
            return ids.stream().limit(limit).toList();
        } else if (rule.basis() == Indicator.Basis.EVENT) {
            q = em.createQuery("select distinct t.caseId from CaseTransition t join CaseFile c on c.id = t.caseId where t.at >= :from and t.at < :to and "
                    + rule.condition() + " and str(" + object.eventKey() + ") = :key order by t.caseId", Long.class);
            if (rule.condition().contains(":publicSources")) {
                q.setParameter("publicSources", List.of(CaseSource.PUBLIC, CaseSource.HOTLINE));
            }
        } else {
            return List.of();
        }
        return q.setParameter("from", from).setParameter("to", to).setParameter("key", key).setMaxResults(limit).getResultList();
    }

    /** The period's events, grouped by every object column at once. */
    private static void events(Instant from, Instant to, Pass pass) {
        String keys = String.join(", ", EVENT_KEYS);
        StringBuilder select = new StringBuilder("select " + keys);
        EVENTS.forEach(i -> select.append(", sum(case when ").append(i.condition()).append(" then 1 else 0 end)"));
        List<Object[]> rows = CaseFile.getEntityManager().createQuery(select + " from CaseTransition t join CaseFile c on c.id = t.caseId"
                        + " where t.at >= :from and t.at < :to and t.action in " + EVENT_ACTIONS + " group by " + keys, Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("publicSources", List.of(CaseSource.PUBLIC, CaseSource.HOTLINE))
                .getResultList();
        for (Object[] row : rows) {
            for (EvaluationObject object : OBJECTS) {
                long[] counts = target(pass, object, row[EVENT_KEYS.indexOf(object.eventKey())]);
                if (counts != null) {
                    for (int i = 0; i < EVENTS.size(); i++) {
                        counts[EVENTS.get(i).ordinal()] += number(row[EVENT_KEYS.size() + i]);
                    }
                }
            }
        }
    }

    /**
     * The cases that fell due, one row each: the due conditions as flags, and first 派遣 and last 处置反馈 for the working
     * time of {@link Indicator#HANDLING_MINUTES} (less the 挂账 time between them).
     */
    private static void due(Instant from, Instant to, WorkingCalendar calendar, Pass pass) {
        StringBuilder select = new StringBuilder("select x.cid, x.dispatchedAt, x.handledAt, x.suspensions, " + String.join(", ", DUE_KEYS));
        DUES.forEach(i -> select.append(", case when ").append(i.condition()).append(" then 1 else 0 end"));
        List<Object[]> rows = new ArrayList<>();
        for (String perCase : PER_CASE) {
            rows.addAll(CaseFile.getEntityManager().createQuery(select + " from " + perCase + " join CaseFile c on c.id = x.cid"
                            + " left join CaseTransition dt on dt.caseId = x.cid and dt.seq = x.dseq" + DUE_WHERE, Object[].class)
                    .setParameter("from", from).setParameter("to", to).getResultList());
        }
        int flags = 4 + DUE_KEYS.size();
        Set<Long> paused = new LinkedHashSet<>();
        for (Object[] row : rows) {
            if (row[2] != null && number(row[3]) > 0) {
                paused.add(number(row[0]));
            }
        }
        Map<Long, List<Instant[]>> pauses = pauses(paused, to);
        int[] dueKey = OBJECTS.stream().mapToInt(o -> o.dueKey() == null ? -1 : 4 + DUE_KEYS.indexOf(o.dueKey())).toArray();
        long[] counts = new long[INDICATORS.length];
        for (Object[] row : rows) {
            for (int i = 0; i < DUES.size(); i++) {
                counts[DUES.get(i).ordinal()] = number(row[flags + i]);
            }
            counts[Indicator.HANDLING_MINUTES.ordinal()] = row[1] != null && row[2] != null
                    ? handlingMinutes(calendar, (Instant) row[1], (Instant) row[2], pauses.getOrDefault(number(row[0]), List.of())) : 0;
            for (int o = 0; o < OBJECTS.size(); o++) {
                long[] target = dueKey[o] < 0 ? null : target(pass, OBJECTS.get(o), row[dueKey[o]]);
                if (target != null) {
                    for (int i = 0; i < counts.length; i++) {
                        target[i] += counts[i];
                    }
                }
            }
        }
    }

    /** Working minutes from the first 派遣 to the last 处置反馈, less the working time of each 挂账 between them. */
    static long handlingMinutes(WorkingCalendar calendar, Instant dispatchedAt, Instant handledAt, List<Instant[]> pauses) {
        Duration time = calendar.clockTime(dispatchedAt, handledAt, LimitUnit.WORK_HOUR);
        for (Instant[] pause : pauses) {
            Instant start = pause[0].isBefore(dispatchedAt) ? dispatchedAt : pause[0];
            Instant end = pause[1] == null || pause[1].isAfter(handledAt) ? handledAt : pause[1];
            time = time.minus(calendar.clockTime(start, end, LimitUnit.WORK_HOUR));
        }
        return Math.max(0, time.toMinutes());
    }

    /** The 挂账 intervals (approved, resumed or null) before the period's end of the cases given. */
    private static Map<Long, List<Instant[]>> pauses(Set<Long> caseIds, Instant to) {
        Map<Long, List<Instant[]>> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(caseIds);
        for (int i = 0; i < ids.size(); i += 500) {
            CaseFile.getEntityManager().createQuery("select t.caseId, t.action, t.at from CaseTransition t where t.caseId in :ids"
                            + " and t.action in ('approveSuspend', 'resume') and t.at < :to order by t.caseId, t.seq", Object[].class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 500))).setParameter("to", to).getResultList().forEach(row -> {
                        List<Instant[]> list = out.computeIfAbsent(number(row[0]), k -> new ArrayList<>());
                        if ("approveSuspend".equals(row[1])) {
                            list.add(new Instant[] {(Instant) row[2], null});
                        } else if (!list.isEmpty() && list.get(list.size() - 1)[1] == null) {
                            list.get(list.size() - 1)[1] = (Instant) row[2];
                        }
                    });
        }
        return out;
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
    private static void alertMerges(EvaluationObject object, Instant from, Instant to, Map<String, EnumMap<Indicator, Long>> out) {
        String key = caseKey(object);
        if (key == null) {
            return;
        }
        CaseFile.getEntityManager().createQuery("select " + key + ", count(a) from AlertMessage a join CaseFile c on c.id = a.caseId"
                        + " where a.outcome = :merged and a.receivedAt >= :from and a.receivedAt < :to group by " + key, Object[].class)
                .setParameter("merged", AlertOutcome.MERGED).setParameter("from", from).setParameter("to", to).getResultList()
                .forEach(row -> {
                    if (row[0] != null) {
                        out.computeIfAbsent(String.valueOf(row[0]), k -> new EnumMap<>(Indicator.class))
                                .merge(Indicator.DUPLICATE_REPORTS, number(row[1]), Long::sum);
                    }
                });
    }

    /** 公众满意度: portal ratings (1–5, satisfied from 4) and hotline call-backs, by the case's department and places. */
    private static void ratings(Instant from, Instant to, Pass pass) {
        String keys = String.join(", ", CASE_KEYS);
        for (String query : List.of("select " + keys + ", count(r), sum(case when r.score >= 4 then 1 else 0 end) from PublicRating r"
                        + " join CaseFile c on c.id = r.caseId where r.ratedAt >= :from and r.ratedAt < :to group by " + keys,
                "select " + keys + ", count(b), sum(case when b.satisfied = true then 1 else 0 end) from CallBack b"
                        + " join CaseFile c on c.id = b.caseId where b.calledAt >= :from and b.calledAt < :to group by " + keys)) {
            CaseFile.getEntityManager().createQuery(query, Object[].class).setParameter("from", from).setParameter("to", to).getResultList()
                    .forEach(row -> {
                        for (EvaluationObject object : OBJECTS) {
                            if (caseKey(object) != null) {
                                Object key = row[CASE_KEYS.indexOf(caseKey(object))];
                                add(pass, object, key, Indicator.RATINGS, number(row[CASE_KEYS.size()]));
                                add(pass, object, key, Indicator.SATISFIED, number(row[CASE_KEYS.size() + 1]));
                            }
                        }
                    });
        }
    }

    /**
     * 重复发案: the cases filed in the period against the closures of the same class in the same unit grid in the window
     * before them — two index range reads matched in memory by (class, grid).
     */
    private void recurrences(Instant from, Instant to, Pass pass) {
        Duration window = Duration.ofDays(config.recurrenceDays());
        Map<List<Object>, List<Instant>> closures = new HashMap<>();
        CaseFile.getEntityManager().createQuery("select c.classCode, c.gridCode, t.at from CaseTransition t join CaseFile c on c.id = t.caseId"
                        + " where t.action = 'close' and t.at >= :from and t.at < :to and c.classCode is not null and c.gridCode is not null", Object[].class)
                .setParameter("from", from.minus(window)).setParameter("to", to).getResultList()
                .forEach(row -> closures.computeIfAbsent(List.of(row[0], row[1]), k -> new ArrayList<>()).add((Instant) row[2]));
        if (closures.isEmpty()) {
            return;
        }
        closures.values().forEach(Collections::sort);
        int n = EVENT_KEYS.size();
        CaseFile.getEntityManager().createQuery("select " + String.join(", ", EVENT_KEYS) + ", c.classCode, c.gridCode, t.at from CaseTransition t"
                        + " join CaseFile c on c.id = t.caseId where t.action = 'file' and t.at >= :from and t.at < :to"
                        + " and c.classCode is not null and c.gridCode is not null", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList().forEach(row -> {
                    List<Instant> before = closures.get(List.of(row[n], row[n + 1]));
                    if (before != null && closedWithin(before, (Instant) row[n + 2], window)) {
                        for (EvaluationObject object : OBJECTS) {
                            add(pass, object, row[EVENT_KEYS.indexOf(object.eventKey())], Indicator.RECURRED, 1L);
                        }
                    }
                });
    }

    /** Whether a closure (sorted) lies in [filedAt − window, filedAt). */
    private static boolean closedWithin(List<Instant> sortedClosures, Instant filedAt, Duration window) {
        int i = Collections.binarySearch(sortedClosures, filedAt);
        int before = (i >= 0 ? i : -i - 1) - 1; // the latest closure strictly before the filing (equal instants come first)
        while (before >= 0 && !sortedClosures.get(before).isBefore(filedAt)) {
            before--;
        }
        return before >= 0 && !sortedClosures.get(before).isBefore(filedAt.minus(window));
    }

    private static void add(Pass pass, EvaluationObject object, Object key, Indicator indicator, long n) {
        long[] counts = target(pass, object, key);
        if (counts != null) {
            counts[indicator.ordinal()] += n;
        }
    }

    /** The counts of one object in a pass (created empty); null for no object (a case without that place, no actor). */
    private static long[] target(Pass pass, EvaluationObject object, Object key) {
        return key == null ? null : pass.counts().get(object).computeIfAbsent(String.valueOf(key), k -> new long[INDICATORS.length]);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The quoted actions of the event conditions ({@code t.action = 'x'}, {@code t.action in ('x', 'y')}), as an HQL list. */
    private static String eventActions() {
        Set<String> actions = new LinkedHashSet<>();
        Pattern clause = Pattern.compile("t\\.action (?:= '([^']+)'|in \\(([^)]*)\\))");
        for (Indicator i : EVENTS) {
            Matcher m = clause.matcher(i.condition());
            if (!m.find()) {
                throw new IllegalStateException(i + ": an event condition names its action");
            }
            if (m.group(1) != null) {
                actions.add(m.group(1));
            } else {
                for (String a : m.group(2).split(",")) {
                    actions.add(a.trim().replace("'", ""));
                }
            }
        }
        return "('" + String.join("', '", actions) + "')";
    }
}
