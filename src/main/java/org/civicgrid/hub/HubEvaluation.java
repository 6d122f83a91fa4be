package org.civicgrid.hub;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.facts.CaseFacts;
import org.civicgrid.evaluation.EvaluationConfig;
import org.civicgrid.evaluation.EvaluationObject;
import org.civicgrid.evaluation.EvaluationPeriod;
import org.civicgrid.evaluation.Indicator;
import org.civicgrid.evaluation.Recurrences;
import org.civicgrid.evaluation.Scoring;
import org.civicgrid.sync.SyncProtocol;

/**
 * 跨镇综合评价 — evaluation of the sites (towns) against each other on the hub, from the hub's copy of their immutable
 * history ({@code hub_case_history}, row {@code t} of hub case {@code c}): the SAME {@link Indicator} table as the edge —
 * each count's condition rendered against {@code HubCaseHistory} ({@link Indicator#condition(String)}), the due counts
 * over the same per-case summary ({@link CaseFacts#perCase}) and the same rule of when a case fell due
 * ({@link Indicator.Basis#DUE_WHERE}), the same rates, and the score and grade of {@link Scoring} with the weights of the
 * county as a whole ({@link EvaluationObject#COUNTY}, whose key on the edge is the site too). What the hub cannot know
 * is not guessed: the sites' working calendars (处置用时) are not synced — that column is "—" with the reason, and a
 * rate over it too; 重复发案 is matched as on the edge, within each site; 公众满意度 counts the ratings and 回访 the sites
 * send up ({@code rating.added}, {@link HubRating}) by the edge's rules; 重复上报 the {@code mergeDuplicate} rows and
 * the merged alerts the sites send up ({@code alert.merged}, {@link HubAlertMerge}); a weight without its rate is left
 * out of the score, as on the edge.
 */
@ApplicationScoped
public class HubEvaluation {

    static final String HISTORY = "HubCaseHistory";
    static final int DRILL_LIMIT = 500;

    /** The cases that may have fallen due in [from, to): a deadline or a 结案 in it; summarised up to {@code :to}. */
    private static final String PER_CASE = CaseFacts.perCase("t.caseId in (select d.caseId from CaseTransition d where (d.dueAt >= :from"
            + " and d.dueAt < :to) or (d.action = 'close' and d.at >= :from and d.at < :to))").replace("CaseTransition", HISTORY);

    /** Public sources as the hub stores them (the names of {@link CaseSource}). */
    private static final List<String> PUBLIC_SOURCES = List.of(CaseSource.PUBLIC.name(), CaseSource.HOTLINE.name());

    /** One column: an indicator as shown; {@code unknownReason} says why the hub has no figure for it (null: it has). */
    public record Column(String code, String label, boolean rate, String unit, String definition, boolean known, String unknownReason) {
    }

    /** One site: its counts and rates by indicator code (null where the hub cannot know it), score and grade. */
    public record Row(int rank, String siteId, String name, Map<String, Long> counts, Map<String, Double> rates, Double score, String grade) {
    }

    /**
     * {@code GET /api/hub/evaluation}: the sites ranked over one period; {@code weights} the weights of the score (those
     * of a rate the hub cannot know are left out), {@code grades} the bands.
     */
    public record Table(String period, String from, String to, List<Column> columns, List<Row> rows, Map<String, Integer> weights,
            List<Scoring.Band> grades) {
    }

    private final Scoring scoring;
    private final EvaluationConfig config;
    private final Clock clock;
    private final ZoneId zone;

    HubEvaluation(Scoring scoring, EvaluationConfig config, Clock clock, ApplianceConfig appliance) {
        this.scoring = scoring;
        this.config = config;
        this.clock = clock;
        this.zone = ZoneId.of(appliance.timeZone());
    }

    public ZoneId zone() {
        return zone;
    }

    /** A month, a week or days from the request, as on the edge ({@link EvaluationPeriod#parse}). */
    public EvaluationPeriod period(String period, String from, String to) {
        return EvaluationPeriod.parse(period, from, to, clock, zone);
    }

    /** Whether the hub has a figure for this indicator (a rate: for both its counts). */
    public static boolean known(Indicator i) {
        return unknownReason(i) == null;
    }

    /** The message key (bundle {@code hubeval}) of why the hub has no figure, null when it has one. */
    static String unknownReason(Indicator i) {
        if (i.isRate()) {
            String top = unknownReason(i.numerator());
            return top != null ? top : unknownReason(i.denominator());
        }
        return switch (i) {
            case DUPLICATE_REPORTS -> null; // its history rows and the sites' merged alerts (alertMerges)
            case HANDLING_MINUTES -> "unknownCalendar";
            case RATINGS, SATISFIED -> null; // the sites send their ratings and 回访 up (ratings)
            case RECURRED -> null; // matched here as on the edge (recurrences)
            default -> i.basis() == Indicator.Basis.OTHER ? "unknownOther" : null;
        };
    }

    /** A running period is evaluated as of now: a case falls due only once its deadline has passed (as on the edge). */
    private Instant until(Instant to) {
        Instant now = clock.instant();
        return now.isBefore(to) ? now : to;
    }

    /** The counts the hub knows, per site id, over [from, to). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, EnumMap<Indicator, Long>> counts(Instant from, Instant to) {
        Map<String, EnumMap<Indicator, Long>> out = new TreeMap<>();
        to = until(to);
        if (!from.isBefore(to)) {
            return out;
        }
        EntityManager em = HubCase.getEntityManager();
        List<Indicator> events = Indicator.counts(Indicator.Basis.EVENT).stream().filter(HubEvaluation::known).toList();
        StringBuilder select = new StringBuilder("select c.siteId");
        events.forEach(i -> select.append(", sum(case when ").append(i.condition(HISTORY)).append(" then 1 else 0 end)"));
        TypedQuery<Object[]> q = em.createQuery(select + " from " + HISTORY + " t join HubCase c on c.id = t.caseId where t.at >= :from and t.at < :to"
                + " group by c.siteId", Object[].class);
        add(out, events, publicSources(q, select.toString()).setParameter("from", from).setParameter("to", to).getResultList());
        List<Indicator> dues = Indicator.counts(Indicator.Basis.DUE).stream().filter(HubEvaluation::known).toList();
        StringBuilder due = new StringBuilder("select c.siteId");
        dues.forEach(i -> due.append(", sum(case when ").append(i.condition(HISTORY)).append(" then 1 else 0 end)"));
        add(out, dues, em.createQuery(due + " from " + PER_CASE + " join HubCase c on c.id = x.cid" + Indicator.Basis.DUE_WHERE + " group by c.siteId",
                Object[].class).setParameter("from", from).setParameter("to", to).getResultList());
        recurrences(em, from, to, out);
        ratings(em, from, to, out);
        alertMerges(em, from, to, out);
        return out;
    }

    /**
     * 重复上报 by camera and drone alerts, added to the sites' {@code mergeDuplicate} rows (counted with the events) as on
     * the edge: each alert merged into an open case, at the time it came in.
     */
    private static void alertMerges(EntityManager em, Instant from, Instant to, Map<String, EnumMap<Indicator, Long>> out) {
        add(out, List.of(Indicator.DUPLICATE_REPORTS), em.createQuery("select m.siteId, count(m) from HubAlertMerge m where m.receivedAt >= :from"
                + " and m.receivedAt < :to group by m.siteId", Object[].class).setParameter("from", from).setParameter("to", to).getResultList());
    }

    /** 满意 of a synced rating, by the edge's rules ({@link Indicator#ratingSatisfied}, {@link Indicator#callBackSatisfied}). */
    private static final String SATISFIED = "((r.kind = '" + SyncProtocol.Rating.PORTAL + "' and " + Indicator.ratingSatisfied("r") + ") or (r.kind = '"
            + SyncProtocol.Rating.CALLBACK + "' and " + Indicator.callBackSatisfied("r") + "))";

    /**
     * 评价数 and 满意数 of each site as its edge counts them: its portal ratings and 回访 made in the period (each sent up
     * once, {@code rating.added}), satisfied by the edge's rules.
     */
    private static void ratings(EntityManager em, Instant from, Instant to, Map<String, EnumMap<Indicator, Long>> out) {
        add(out, List.of(Indicator.RATINGS, Indicator.SATISFIED), em.createQuery("select r.siteId, count(r), sum(case when " + SATISFIED
                + " then 1 else 0 end) from HubRating r where r.ratedAt >= :from and r.ratedAt < :to group by r.siteId", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }

    /**
     * 重复发案 of each site as its edge counts it ({@link Recurrences#closedWithin}): the cases filed in the period whose
     * class had a case of the same site closed in the same unit grid within the window before the filing.
     */
    private void recurrences(EntityManager em, Instant from, Instant to, Map<String, EnumMap<Indicator, Long>> out) {
        Duration window = Duration.ofDays(config.recurrenceDays());
        String rows = "select c.siteId || ' ' || c.classCode || ' ' || c.gridCode, c.siteId, t.at from " + HISTORY + " t join HubCase c on c.id = t.caseId"
                + " where t.action = :action and t.at >= :from and t.at < :to and c.classCode is not null and c.gridCode is not null";
        Map<String, List<Instant>> closures = new HashMap<>();
        em.createQuery(rows, Object[].class).setParameter("action", "close").setParameter("from", from.minus(window)).setParameter("to", to)
                .getResultList().forEach(r -> closures.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((Instant) r[2]));
        closures.values().forEach(Collections::sort);
        em.createQuery(rows, Object[].class).setParameter("action", "file").setParameter("from", from).setParameter("to", to).getResultList()
                .forEach(r -> {
                    List<Instant> before = closures.get((String) r[0]);
                    if (before != null && Recurrences.closedWithin(before, (Instant) r[2], window)) {
                        out.computeIfAbsent((String) r[1], k -> new EnumMap<>(Indicator.class)).merge(Indicator.RECURRED, 1L, Long::sum);
                    }
                });
    }

    private static TypedQuery<?> publicSources(TypedQuery<?> q, String hql) {
        return hql.contains(":publicSources") ? q.setParameter("publicSources", PUBLIC_SOURCES) : q;
    }

    private static void add(Map<String, EnumMap<Indicator, Long>> out, List<Indicator> indicators, List<?> rows) {
        for (Object o : rows) {
            Object[] row = (Object[]) o;
            EnumMap<Indicator, Long> counts = out.computeIfAbsent((String) row[0], k -> new EnumMap<>(Indicator.class));
            for (int i = 0; i < indicators.size(); i++) {
                counts.merge(indicators.get(i), row[i + 1] == null ? 0L : ((Number) row[i + 1]).longValue(), Long::sum);
            }
        }
    }

    /**
     * The ids of the hub cases behind one count of one site (at most {@code limit}, by id): the cases with a matching row
     * in the period, or the cases that fell due in it and meet the condition.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> caseIds(String siteId, Indicator count, Instant from, Instant to, int limit) {
        to = until(to);
        if (count.isRate() || !known(count) || !from.isBefore(to)) {
            return List.of();
        }
        EntityManager em = HubCase.getEntityManager();
        if (count == Indicator.RATINGS || count == Indicator.SATISFIED) { // the rated cases (a case rated and called back: once)
            return em.createQuery("select distinct c.id from HubRating r join HubCase c on c.siteId = r.siteId and c.edgeCaseId = r.edgeCaseId"
                    + " where r.siteId = :site and r.ratedAt >= :from and r.ratedAt < :to" + (count == Indicator.SATISFIED ? " and " + SATISFIED : "")
                    + " order by c.id", Long.class).setParameter("site", siteId).setParameter("from", from).setParameter("to", to)
                    .setMaxResults(limit).getResultList();
        }
        if (count == Indicator.DUPLICATE_REPORTS) { // the cases with a merged report: a history row, or an alert
            TreeSet<Long> ids = new TreeSet<>(eventCaseIds(em, siteId, count, from, to, limit));
            ids.addAll(em.createQuery("select c.id from HubAlertMerge m join HubCase c on c.siteId = m.siteId and c.edgeCaseId = m.edgeCaseId"
                    + " where m.siteId = :site and m.receivedAt >= :from and m.receivedAt < :to order by c.id", Long.class).setParameter("site", siteId)
                    .setParameter("from", from).setParameter("to", to).setMaxResults(limit).getResultList());
            return ids.stream().limit(limit).toList();
        }
        if (count.basis() == Indicator.Basis.EVENT) {
            return eventCaseIds(em, siteId, count, from, to, limit);
        }
        if (count.basis() != Indicator.Basis.DUE) {
            return List.of(); // 重复发案: no cases listed, as on the edge
        }
        String hql = "select x.cid from " + PER_CASE + " join HubCase c on c.id = x.cid" + Indicator.Basis.DUE_WHERE + " and "
                + count.condition(HISTORY) + " and c.siteId = :site order by x.cid";
        TypedQuery<Long> q = em.createQuery(hql, Long.class);
        publicSources(q, hql);
        return new ArrayList<>(new TreeSet<>(q.setParameter("from", from).setParameter("to", to).setParameter("site", siteId).setMaxResults(limit)
                .getResultList()));
    }

    /** The cases with a row of the period meeting an {@code EVENT} count's condition. */
    private static List<Long> eventCaseIds(EntityManager em, String siteId, Indicator count, Instant from, Instant to, int limit) {
        String hql = "select distinct t.caseId from " + HISTORY + " t join HubCase c on c.id = t.caseId where t.at >= :from and t.at < :to and "
                + count.condition(HISTORY) + " and c.siteId = :site order by t.caseId";
        TypedQuery<Long> q = em.createQuery(hql, Long.class);
        publicSources(q, hql);
        return q.setParameter("from", from).setParameter("to", to).setParameter("site", siteId).setMaxResults(limit).getResultList();
    }

    /** The ranking of every registered site (with or without cases) over the period, in the viewer's language. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Table table(EvaluationPeriod period, boolean english) {
        HubEvaluationTexts text = texts(english);
        Map<String, EnumMap<Indicator, Long>> counts = counts(period.from(), period.to());
        Map<String, String> names = new LinkedHashMap<>();
        HubSite.<HubSite>listAll().forEach(s -> names.put(s.siteId, s.name));
        names.keySet().forEach(k -> counts.computeIfAbsent(k, x -> new EnumMap<>(Indicator.class)));
        List<Row> rows = new ArrayList<>();
        counts.forEach((site, known) -> {
            Map<String, Long> c = new LinkedHashMap<>();
            Indicator.counts().forEach(i -> c.put(i.code(), known(i) ? known.getOrDefault(i, 0L) : null));
            Map<String, Double> r = new LinkedHashMap<>();
            Map<Indicator, Double> rates = new EnumMap<>(Indicator.class);
            for (Indicator i : Indicator.rates()) {
                Double rate = known(i) ? i.rate(c.get(i.numerator().code()), c.get(i.denominator().code())) : null;
                r.put(i.code(), rate);
                rates.put(i, rate);
            }
            Double score = scoring.score(EvaluationObject.COUNTY, rates);
            rows.add(new Row(0, site, names.getOrDefault(site, site), c, r, score, scoring.grade(score)));
        });
        rows.sort(Comparator.comparing((Row row) -> row.score() == null ? -1 : row.score()).reversed()
                .thenComparing(row -> -row.counts().get(Indicator.DUE.code())).thenComparing(Row::siteId));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            ranked.add(new Row(i + 1, row.siteId(), row.name(), row.counts(), row.rates(), row.score(), row.grade()));
        }
        List<Column> columns = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            String reason = unknownReason(i);
            columns.add(new Column(i.code(), i.label(english), i.isRate(), i.unit() == null ? "" : i.unit().label(english),
                    i.definition(english, config.recurrenceDays()), reason == null, reason == null ? null : reason(text, reason)));
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        scoring.weights(EvaluationObject.COUNTY).forEach((i, w) -> {
            if (known(i)) {
                weights.put(i.code(), w);
            }
        });
        return new Table(period.label(), period.firstDay().toString(), period.lastDay().toString(), columns, ranked, weights, scoring.bands());
    }

    /** The definition as printed (as on the edge). */
    public String definition(Indicator indicator, boolean english) {
        return indicator.definition(english, config.recurrenceDays());
    }

    /** The weights of the score as configured, each with whether the hub can use it. */
    public Map<Indicator, Integer> configuredWeights() {
        return scoring.weights(EvaluationObject.COUNTY);
    }

    static HubEvaluationTexts texts(boolean english) {
        return MessageBundles.get(HubEvaluationTexts.class, Localized.Literal.of(english ? "en" : "zh"));
    }

    static String reason(HubEvaluationTexts text, String key) {
        return switch (key) {
            case "unknownCalendar" -> text.unknownCalendar();
            default -> text.unknownOther();
        };
    }
}
