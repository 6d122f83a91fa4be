package org.civicgrid.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.EvaluationBackfill;
import org.civicgrid.web.Problem;
import org.jboss.logging.Logger;

/**
 * 考核冻结 — freezes a month (at its close, by the scheduled check) or a week (on demand) of every object type into
 * {@link Snapshot}s, each chained to the one before by its hash; {@link #verify} checks the stored hash, the chain and
 * recomputes the figures from the case history. Only computed figures are frozen: manual entries stay beside them.
 */
@ApplicationScoped
public class Snapshots {

    private static final Logger LOG = Logger.getLogger(Snapshots.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** The outcome of a verification: stored hash, chain and recomputed figures each hold. */
    public record Verification(long id, String period, String object, boolean hashMatches, boolean chainIntact, boolean figuresMatch, boolean ok) {
    }

    /** A snapshot as listed (without its content). */
    public record Listed(long id, String period, String object, String frozenAt, String frozenBy, String prevHash, String hash) {
        public static Listed of(Snapshot s) {
            return new Listed(s.id, s.period, s.objectType, s.frozenAt.toString(), s.frozenBy, s.prevHash, s.hash);
        }
    }

    private final Evaluation evaluation;
    private final Clock clock;
    private final EvaluationBackfill backfill;

    Snapshots(Evaluation evaluation, Clock clock, EvaluationBackfill backfill) {
        this.evaluation = evaluation;
        this.clock = clock;
        this.backfill = backfill;
    }

    /**
     * The monthly freeze: once the month has closed, every object type of the last month not frozen yet — not before
     * the history written before V20 has its evaluation deadlines ({@link EvaluationBackfill}), or the frozen figures
     * would leave those cases out for good; skipped while the application is still starting.
     */
    @Scheduled(every = "${civicgrid.evaluation.freeze-check-every:1h}", delayed = "40s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @ActivateRequestContext
    void freezeLastMonth() {
        if (!backfill.done()) {
            return;
        }
        YearMonth last = YearMonth.from(LocalDate.now(clock.withZone(evaluation.zone()))).minusMonths(1);
        for (EvaluationObject object : EvaluationObject.values()) {
            if (Snapshot.count("period = ?1 and objectType = ?2", last.toString(), object.apiName()) == 0) {
                try {
                    freeze(EvaluationPeriod.month(last, evaluation.zone()), object, "系统");
                } catch (Problem e) {
                    LOG.debugf("monthly freeze of %s %s: %s", last, object, e.getMessage());
                }
            }
        }
    }

    /**
     * Freezes one period of one object type; 409 when it is frozen already or has not ended. The figures are computed
     * before the short write transaction that chains and stores them (SQLite's write lock is taken at BEGIN).
     */
    public Snapshot freeze(EvaluationPeriod period, EvaluationObject object, String by) {
        if (period.to().isAfter(clock.instant())) {
            throw Problem.conflict("period_open", period.label() + " has not ended: it can be frozen from " + period.lastDay().plusDays(1));
        }
        if (isFrozen(period, object)) {
            throw Problem.conflict("frozen", period.label() + " of " + object.apiName() + " is frozen already");
        }
        return store(period, object, by, content(evaluation.table(object, period, false)));
    }

    @Transactional
    @SingleWriter
    Snapshot store(EvaluationPeriod period, EvaluationObject object, String by, String content) {
        if (isFrozen(period, object)) {
            throw Problem.conflict("frozen", period.label() + " of " + object.apiName() + " is frozen already");
        }
        Snapshot previous = Snapshot.<Snapshot>find("order by id desc").firstResult();
        Snapshot s = new Snapshot();
        s.period = period.label();
        s.objectType = object.apiName();
        s.periodFrom = period.from();
        s.periodTo = period.to();
        s.frozenAt = clock.instant();
        s.frozenBy = by;
        s.content = content;
        s.prevHash = previous == null ? null : previous.hash;
        s.hash = hash(s);
        s.persist();
        return s;
    }

    /**
     * Freezes a week or month that has ended, of one object type ({@code object}) or of every type (blank): all or
     * nothing frozen already (409 when one is).
     */
    public List<Snapshot> freeze(String period, String object, String by) {
        if (period == null || period.isBlank()) {
            throw Problem.badRequest("period", "name the month (2026-11) or week (2026-W48) to freeze");
        }
        EvaluationPeriod p = EvaluationPeriod.parse(period, null, null, clock, evaluation.zone());
        List<EvaluationObject> objects = object == null || object.isBlank() ? List.of(EvaluationObject.values())
                : List.of(EvaluationObject.of(object)
                        .orElseThrow(() -> Problem.badRequest("object", "department, street, community, grid, post or county")));
        for (EvaluationObject o : objects) {
            if (isFrozen(p, o)) {
                throw Problem.conflict("frozen", p.label() + " of " + o.apiName() + " is frozen already");
            }
        }
        List<Snapshot> frozen = new ArrayList<>();
        for (EvaluationObject o : objects) {
            frozen.add(freeze(p, o, by));
        }
        return frozen;
    }

    public boolean isFrozen(EvaluationPeriod period, EvaluationObject object) {
        return Snapshot.count("period = ?1 and objectType = ?2", period.label(), object.apiName()) > 0;
    }

    @Transactional
    public List<Listed> list() {
        return Snapshot.<Snapshot>list("order by id").stream().map(Listed::of).toList();
    }

    @Transactional
    public Snapshot get(long id) {
        return Snapshot.<Snapshot>findByIdOptional(id).orElseThrow(() -> Problem.notFound("snapshot " + id));
    }

    /** Checks the stored hash, the link to the previous snapshot, and the figures recomputed from the history now. */
    @Transactional
    public Verification verify(long id) {
        Snapshot s = get(id);
        Snapshot previous = Snapshot.<Snapshot>find("id < ?1 order by id desc", id).firstResult();
        boolean hashMatches = hash(s).equals(s.hash);
        boolean chainIntact = previous == null ? s.prevHash == null : previous.hash.equals(s.prevHash) && hash(previous).equals(previous.hash);
        EvaluationObject object = EvaluationObject.of(s.objectType).orElseThrow();
        EvaluationPeriod period = new EvaluationPeriod(s.period, s.periodFrom.atZone(evaluation.zone()).toLocalDate(),
                s.periodTo.atZone(evaluation.zone()).toLocalDate().minusDays(1), s.periodFrom, s.periodTo);
        boolean figuresMatch = content(evaluation.table(object, period, false)).equals(s.content);
        return new Verification(s.id, s.period, s.objectType, hashMatches, chainIntact, figuresMatch, hashMatches && chainIntact && figuresMatch);
    }

    /**
     * The canonical JSON of the computed figures: per object key with any count its counts, rates, score and grade
     * (names are not figures).
     */
    static String content(EvaluationTable table) {
        List<Map<String, Object>> rows = new ArrayList<>();
        // an object without a single count (a department added later) is not a figure
        table.rows().stream().filter(r -> r.counts().values().stream().anyMatch(n -> n > 0))
                .sorted((a, b) -> a.key().compareTo(b.key())).forEach(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", r.key());
            row.put("counts", r.counts());
            row.put("rates", r.rates());
            row.put("score", r.score());
            row.put("grade", r.grade());
            rows.add(row);
        });
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(Snapshot s) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String text = (s.prevHash == null ? "" : s.prevHash) + "\n" + s.period + "\n" + s.objectType + "\n" + s.periodFrom + "\n" + s.periodTo
                    + "\n" + s.content;
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
