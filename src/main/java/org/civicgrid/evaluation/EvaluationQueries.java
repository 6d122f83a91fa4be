package org.civicgrid.evaluation;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.civicgrid.alert.AlertOutcome;
import org.civicgrid.calendar.Calendars;
import org.civicgrid.calendar.WorkingCalendar;
import org.civicgrid.cases.CaseFile;

/**
 * 指标计算 — the counts of {@link Indicator} over a period for every object type at once, from one pass over the case
 * history ({@code case_transition}, never the case's counters): one grouped scan of the period's events by all the
 * object columns together (department, post, unit grid, community, street, site; {@link EventCounts}, on a connection
 * of its own beside the other reads when no transaction is open), one read of the
 * cases that fell due in it (one row per case: their kept evaluation facts by the date they fell due, and the few cases
 * with history after the period's end replayed from it; {@link DueCounts}), the ratings and 重复发案 ({@link Recurrences})
 * — then rolled up in memory into each object type (a grid's rows into its community, street and county by the case's
 * own columns, so a case without a community still counts for its grid, street and county). Every condition comes from
 * the {@link Indicator} table; the same conditions serve the drill-down to the cases behind a figure ({@link DrillDown}).
 *
 * <p>A pass is kept for the next asker while nothing it read has changed: it is keyed by its period (a running period
 * ends now), the newest history, rating and 回访 rows and the working calendar — the history is append-only, so the
 * same key means the same figures. Camera and drone merges (重复上报) are counted on every call, since a review can
 * turn a pending alert into a merge in place.
 */
@ApplicationScoped
public class EvaluationQueries {

    /** What a pass depends on besides the period. */
    private record Version(Instant from, Instant to, Long transitions, Long ratings, Long callBacks, WorkingCalendar calendar) {
    }

    /** The case's columns naming the object, for what belongs to a case rather than to a history row. */
    private static final List<String> CASE_KEYS = EvaluationPass.OBJECTS.stream().map(EvaluationQueries::caseKey).filter(Objects::nonNull).distinct().toList();
    private static final int MEMO_SIZE = 8;

    private final EvaluationConfig config;
    private final Clock clock;
    private final Calendars calendars;
    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;
    /** One pass at a time reads its events on a second connection, beside its other reads. */
    private final Semaphore secondConnection = new Semaphore(1);
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evaluation-events");
        t.setDaemon(true);
        return t;
    });
    private final Map<Version, EvaluationPass> memo = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Version, EvaluationPass> eldest) {
            return size() > MEMO_SIZE;
        }
    });

    EvaluationQueries(EvaluationConfig config, Clock clock, Calendars calendars, AgroalDataSource dataSource, TransactionManager transactions) {
        this.config = config;
        this.clock = clock;
        this.calendars = calendars;
        this.dataSource = dataSource;
        this.transactions = transactions;
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

    /** Working minutes from the first 派遣 to the last 处置反馈, less the working time of each 挂账 between them. */
    static long handlingMinutes(WorkingCalendar calendar, Instant dispatchedAt, Instant handledAt, List<Instant[]> pauses) {
        return HandlingTime.handlingMinutes(calendar, dispatchedAt, handledAt, pauses);
    }

    /** The counts per object key (department id, street code …, staff id for posts) for [from, to). */
    public Map<String, EnumMap<Indicator, Long>> counts(EvaluationObject object, Instant from, Instant to) {
        Map<String, EnumMap<Indicator, Long>> out = new TreeMap<>();
        to = until(to);
        if (!from.isBefore(to)) {
            return out;
        }
        pass(from, to).counts(object).forEach((key, counts) -> {
            EnumMap<Indicator, Long> map = new EnumMap<>(Indicator.class);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    map.put(EvaluationPass.INDICATORS[i], counts[i]);
                }
            }
            out.put(key, map);
        });
        alertMerges(object, from, to, out);
        return out;
    }

    /** The pass of [from, to) for every object type: the kept one while nothing it read has changed, else a new one. */
    private EvaluationPass pass(Instant from, Instant to) {
        EntityManager em = CaseFile.getEntityManager();
        Version version = new Version(from, to, em.createQuery("select max(t.id) from CaseTransition t", Long.class).getSingleResult(),
                em.createQuery("select max(r.id) from PublicRating r", Long.class).getSingleResult(),
                em.createQuery("select max(b.id) from CallBack b", Long.class).getSingleResult(), calendars.current());
        EvaluationPass pass = memo.get(version);
        if (pass == null) {
            pass = new EvaluationPass();
            boolean beside = outsideTransaction() && secondConnection.tryAcquire();
            CompletableFuture<EvaluationPass> events = null;
            try {
                events = beside ? CompletableFuture.supplyAsync(() -> events(from, to), reader) : null;
                DueCounts.count(from, to, version.calendar(), pass);
                ratings(from, to, pass);
                Recurrences.count(from, to, config.recurrenceDays(), pass);
                EvaluationPass read = events == null ? null : events.join();
                if (read == null) {
                    EventCounts.count(from, to, pass);
                } else {
                    pass.addAll(read);
                }
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            } finally {
                if (beside) {
                    if (events != null) {
                        events.cancel(false);
                    }
                    secondConnection.release();
                }
            }
            memo.put(version, pass);
        }
        return pass;
    }

    /**
     * The event scan on a connection of its own (SQLite in WAL mode reads on two connections at once): the largest read
     * of a pass runs beside the others on the box's second core. Only outside a transaction — inside one, the caller's
     * connection may hold rows another connection does not see yet, so the pass reads on the caller's alone — and for
     * one pass at a time; null when no connection is free (the caller then reads the events itself).
     */
    private EvaluationPass events(Instant from, Instant to) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            return null;
        }
        EvaluationPass events = new EvaluationPass();
        try (connection) {
            EventCounts.count(connection, from, to, events);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the period's events: " + e.getMessage(), e);
        }
        return events;
    }

    private boolean outsideTransaction() {
        try {
            return transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return false;
        }
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }

    /** The ids of the cases behind one figure (at most {@code limit}). */
    public List<Long> caseIds(EvaluationObject object, String key, Indicator indicator, Instant from, Instant to, int limit) {
        return DrillDown.caseIds(object, key, indicator, from, until(to), limit);
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
                                .merge(Indicator.DUPLICATE_REPORTS, EvaluationPass.number(row[1]), Long::sum);
                    }
                });
    }

    /** 公众满意度: portal ratings (1–5, satisfied from 4) and hotline call-backs, by the case's department and places. */
    private static void ratings(Instant from, Instant to, EvaluationPass pass) {
        String keys = String.join(", ", CASE_KEYS);
        for (String query : List.of("select " + keys + ", count(r), sum(case when " + Indicator.ratingSatisfied("r") + " then 1 else 0 end) from PublicRating r"
                        + " join CaseFile c on c.id = r.caseId where r.ratedAt >= :from and r.ratedAt < :to group by " + keys,
                "select " + keys + ", count(b), sum(case when " + Indicator.callBackSatisfied("b") + " then 1 else 0 end) from CallBack b"
                        + " join CaseFile c on c.id = b.caseId where b.calledAt >= :from and b.calledAt < :to group by " + keys)) {
            CaseFile.getEntityManager().createQuery(query, Object[].class).setParameter("from", from).setParameter("to", to).getResultList()
                    .forEach(row -> {
                        for (EvaluationObject object : EvaluationPass.OBJECTS) {
                            if (caseKey(object) != null) {
                                Object key = row[CASE_KEYS.indexOf(caseKey(object))];
                                pass.add(object, key, Indicator.RATINGS, EvaluationPass.number(row[CASE_KEYS.size()]));
                                pass.add(object, key, Indicator.SATISFIED, EvaluationPass.number(row[CASE_KEYS.size() + 1]));
                            }
                        }
                    });
        }
    }
}
