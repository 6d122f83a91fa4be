package org.civicgrid.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.appliance.SiteSetting;
import org.civicgrid.calendar.Calendars;
import org.civicgrid.calendar.TimeLimit;
import org.civicgrid.calendar.WorkingCalendar;
import org.civicgrid.cases.facts.CaseFacts;
import org.jboss.logging.Logger;

/**
 * 考核时限补录 — once per store, gives the history written before V20 its evaluation deadline ({@code due_at}), so
 * evaluation counts those cases too: for each dispatched case none of whose history rows carries a deadline, the
 * deadline is replayed from what the case keeps ({@link EvaluationClock#replay}: its 立案条件's limit from the first
 * 派遣, the extension time granted in all, the 挂账 in its history) and written on its first 派遣 row (the limit alone,
 * as the live clock writes it) and, when 延期 or 挂账 moved it, on its last 延期/恢复 row. A case without a limit but
 * with an operational handling deadline gets that deadline (the best the store knows; it restarts on 返工, so it may
 * be late). Only empty {@code due_at} cells are written — a row's deadline once written is never changed — and the
 * site setting {@value #DONE} records that the store has been through it. The facts of the cases written
 * ({@link CaseFacts}) are folded again from their completed history. Runs in the background shortly after start
 * in batches; the monthly freeze waits for it ({@link #done()}).
 */
@ApplicationScoped
public class EvaluationBackfill {

    /** Site setting written when the backfill has run on this store. */
    public static final String DONE = "evaluation.due-backfill";
    private static final Logger LOG = Logger.getLogger(EvaluationBackfill.class);
    /** Case ids per step: each step is one short transaction (SQLite has one writer). */
    private static final int WINDOW = 5000;

    private final Calendars calendars;
    private final Clock clock;
    private volatile boolean done;

    EvaluationBackfill(Calendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Whether the store has been through the backfill (evaluation of old periods is complete). */
    public boolean done() {
        if (!done) {
            done = QuarkusTransaction.joiningExisting().call(() -> SiteSetting.get(DONE).isPresent());
        }
        return done;
    }

    /** Tried again every minute until it has run through once (a busy store may refuse a step). */
    @Scheduled(every = "60s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            if (!done()) {
                run();
            }
        } catch (RuntimeException e) {
            // the store was busy (one writer, e.g. the demo load at a first start): the next minute goes on
            LOG.infof("考核时限补录 waits for the store and tries again in a minute: %s", e.getMessage());
        }
    }

    /** Backfills every case that needs it, a window of case ids at a time; returns the number of cases given a deadline. */
    public int run() {
        long started = System.nanoTime();
        int cases = 0;
        Long last = QuarkusTransaction.requiringNew().call(() -> CaseFile.getEntityManager().createQuery("select max(c.id) from CaseFile c", Long.class)
                .getSingleResult());
        for (long after = 0; last != null && after < last; after += WINDOW) {
            long from = after;
            cases += QuarkusTransaction.requiringNew().call(() -> {
                List<Long> ids = candidates(from, from + WINDOW);
                return ids.isEmpty() ? 0 : backfill(ids);
            });
        }
        QuarkusTransaction.requiringNew().run(() -> SiteSetting.put(DONE, clock.instant().toString(), clock.instant()));
        done = true;
        if (cases > 0) {
            LOG.infof("考核时限补录: %d cases written before V20 got their evaluation deadline in %d ms", cases,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return cases;
    }

    /** The dispatched cases with an id in (after, upTo] without a deadline on any history row. */
    @SuppressWarnings("unchecked")
    private static List<Long> candidates(long after, long upTo) {
        List<Number> rows = CaseTransition.getEntityManager().createNativeQuery("SELECT DISTINCT t.case_id FROM case_transition t"
                + " WHERE t.action = 'dispatch' AND t.case_id > ?1 AND t.case_id <= ?2 AND NOT EXISTS (SELECT 1 FROM case_transition d"
                + " WHERE d.case_id = t.case_id AND d.due_at IS NOT NULL)").setParameter(1, after).setParameter(2, upTo).getResultList();
        return rows.stream().map(Number::longValue).toList();
    }

    private int backfill(List<Long> ids) {
        EntityManager em = CaseTransition.getEntityManager();
        // the window's entities are only read; its writes are native UPDATEs, before each of which Hibernate would
        // otherwise flush (dirty-check) the whole window: minutes under the write lock on a large old store
        em.unwrap(org.hibernate.Session.class).setHibernateFlushMode(org.hibernate.FlushMode.MANUAL);
        WorkingCalendar calendar = calendars.current();
        Map<Long, List<CaseTransition>> history = new HashMap<>();
        CaseTransition.<CaseTransition>list("caseId in ?1 and action in ?2 order by caseId, seq", ids,
                List.of("dispatch", "approveExtension", "approveSuspend", "resume")).forEach(t -> history.computeIfAbsent(t.caseId, k -> new ArrayList<>()).add(t));
        int written = 0;
        for (CaseFile c : CaseFile.<CaseFile>list("id in ?1", ids)) {
            List<CaseTransition> rows = history.getOrDefault(c.id, List.of());
            CaseTransition dispatch = rows.stream().filter(t -> "dispatch".equals(t.action)).findFirst().orElse(null);
            if (dispatch == null) {
                continue;
            }
            TimeLimit limit = limit(c.handlingLimit);
            if (limit == null) {
                if (c.handlingDeadlineAt != null) {
                    written += set(em, dispatch, c.handlingDeadlineAt);
                }
                continue;
            }
            List<Instant[]> pauses = new ArrayList<>();
            CaseTransition last = null;
            for (CaseTransition t : rows) {
                if ("approveSuspend".equals(t.action)) {
                    pauses.add(new Instant[] {t.at, null});
                } else if ("resume".equals(t.action) && !pauses.isEmpty() && pauses.get(pauses.size() - 1)[1] == null) {
                    pauses.get(pauses.size() - 1)[1] = t.at;
                    last = t;
                } else if ("approveExtension".equals(t.action)) {
                    last = t;
                }
            }
            Instant base = calendar.deadline(dispatch.at, limit);
            Instant due = EvaluationClock.replay(calendar, limit, Duration.ofMillis(c.extensionTotalMs), dispatch.at, pauses);
            written += set(em, dispatch, base);
            if (last != null && due.isAfter(base)) {
                set(em, last, due);
            }
        }
        if (written > 0) { // the rows completed in place: their cases' evaluation facts are folded again
            em.unwrap(org.hibernate.Session.class).doWork(connection -> CaseFacts.rebuild(connection, ids));
        }
        return written;
    }

    private static TimeLimit limit(String text) {
        try {
            return text == null || text.isBlank() ? null : TimeLimit.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Writes the deadline on a history row whose deadline cell is empty (the entity is immutable: one guarded UPDATE). */
    private static int set(EntityManager em, CaseTransition row, Instant due) {
        return em.createNativeQuery("UPDATE case_transition SET due_at = ?1 WHERE id = ?2 AND due_at IS NULL")
                .setParameter(1, due).setParameter(2, row.id).executeUpdate();
    }
}
