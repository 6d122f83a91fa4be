package org.civicgrid.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.org.Department;
import org.civicgrid.org.Region;
import org.civicgrid.org.Staff;

/**
 * 综合评价 — the evaluation of one object type over one period: the counts of {@link EvaluationQueries}, the rates of
 * {@link Indicator}, the score and grade of {@link Scoring}, the approved manual entries beside them, ranked. The page,
 * the API, the exports, the snapshots, the 大屏 and the portal all take their figures from here.
 */
@ApplicationScoped
public class Evaluation {

    private final EvaluationQueries queries;
    private final Scoring scoring;
    private final EvaluationConfig config;
    private final ZoneId zone;

    Evaluation(EvaluationQueries queries, Scoring scoring, EvaluationConfig config, ApplianceConfig appliance) {
        this.queries = queries;
        this.scoring = scoring;
        this.config = config;
        this.zone = ZoneId.of(appliance.timeZone());
    }

    public ZoneId zone() {
        return zone;
    }

    public int recurrenceDays() {
        return config.recurrenceDays();
    }

    /**
     * The table; every known department (street, community) has a row, with or without cases. Only reads: it joins a
     * caller's transaction but opens none, since a transaction takes SQLite's one write lock at its start and the case
     * actions would wait for the whole computation.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EvaluationTable table(EvaluationObject object, EvaluationPeriod period, boolean english) {
        Map<String, EnumMap<Indicator, Long>> counts = queries.counts(object, period.from(), period.to());
        Map<String, String> names = names(object);
        if (object == EvaluationObject.DEPARTMENT || object == EvaluationObject.STREET || object == EvaluationObject.COMMUNITY) {
            names.keySet().forEach(k -> counts.computeIfAbsent(k, x -> new EnumMap<>(Indicator.class)));
        }
        Map<String, Double> adjustments = new HashMap<>();
        for (Adjustment a : Adjustment.of(object, period.label())) {
            if (a.kind == Adjustment.Kind.DECISION) {
                adjustments.merge(a.objectKey, a.points, Double::sum);
            }
        }
        List<EvaluationTable.Row> rows = new ArrayList<>();
        for (Map.Entry<String, EnumMap<Indicator, Long>> e : counts.entrySet()) {
            Map<String, Long> c = new LinkedHashMap<>();
            Indicator.counts().forEach(i -> c.put(i.code(), e.getValue().getOrDefault(i, 0L)));
            Map<Indicator, Double> rates = new EnumMap<>(Indicator.class);
            Map<String, Double> r = new LinkedHashMap<>();
            for (Indicator i : Indicator.rates()) {
                Double rate = i.rate(c.get(i.numerator().code()), c.get(i.denominator().code()));
                rates.put(i, rate);
                r.put(i.code(), rate);
            }
            Double score = scoring.score(object, rates);
            double adjustment = adjustments.getOrDefault(e.getKey(), 0.0);
            rows.add(new EvaluationTable.Row(0, e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), c, r, score, scoring.grade(score),
                    adjustment, score == null ? null : Math.round(10 * (score + adjustment)) / 10.0));
        }
        rows.sort(Comparator.comparing((EvaluationTable.Row row) -> row.score() == null ? -1 : row.score()).reversed()
                .thenComparing(row -> -row.counts().get(Indicator.DUE.code())).thenComparing(EvaluationTable.Row::name));
        List<EvaluationTable.Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            EvaluationTable.Row row = rows.get(i);
            ranked.add(new EvaluationTable.Row(i + 1, row.key(), row.name(), row.counts(), row.rates(), row.score(), row.grade(), row.adjustment(),
                    row.adjustedScore()));
        }
        List<EvaluationTable.Column> columns = new ArrayList<>();
        Map<String, String> definitions = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            columns.add(new EvaluationTable.Column(i.code(), i.label(english), i.isRate()));
            definitions.put(i.code(), i.definition(english, config.recurrenceDays()));
        }
        return new EvaluationTable(object.apiName(), period.label(), period.firstDay().toString(), period.lastDay().toString(), columns, ranked,
                definitions);
    }

    /** The display name of each object key. */
    public Map<String, String> names(EvaluationObject object) {
        Map<String, String> names = new LinkedHashMap<>();
        switch (object) {
            case DEPARTMENT -> Department.<Department>list("active = true order by code").forEach(d -> names.put(String.valueOf(d.id), d.name));
            case STREET, COMMUNITY -> Region.allOrdered().stream()
                    .filter(r -> r.code.length() == (object == EvaluationObject.STREET ? 9 : 12))
                    .forEach(r -> names.put(r.code, r.name));
            case POST -> Staff.<Staff>listAll().forEach(s -> names.put(String.valueOf(s.id), s.displayName));
            case COUNTY -> Region.county().ifPresent(r -> names.put(siteKey(), r.name));
            case GRID -> {
                // unit grids are named by their code
            }
        }
        return names;
    }

    private static String siteKey() {
        List<String> site = org.civicgrid.cases.CaseFile.getEntityManager().createQuery("select c.siteId from CaseFile c order by c.id", String.class)
                .setMaxResults(1).getResultList();
        return site.isEmpty() ? "" : site.get(0);
    }
}
