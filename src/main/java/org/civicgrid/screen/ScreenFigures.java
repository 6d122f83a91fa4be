package org.civicgrid.screen;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseMessages;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.evaluation.Evaluation;
import org.civicgrid.evaluation.EvaluationObject;
import org.civicgrid.evaluation.EvaluationPeriod;
import org.civicgrid.evaluation.EvaluationTable;
import org.civicgrid.evaluation.Indicator;
import org.civicgrid.screen.ScreenSummary.Day;
import org.civicgrid.screen.ScreenSummary.DepartmentRank;
import org.civicgrid.screen.ScreenSummary.Period;
import org.civicgrid.screen.ScreenSummary.Rates;
import org.civicgrid.screen.ScreenSummary.Slice;

/** 大屏统计 — the screen's figures, read from the cases and their history in a handful of grouped queries. */
@ApplicationScoped
class ScreenFigures {

    static final int TREND_DAYS = 30;
    static final int TOP_CLASSES = 8;
    static final int ALERTS = 8;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;
    private final ZoneId zone;
    private final RecentAlerts alerts;
    private final DeviceHealth cameras;

    private final Evaluation evaluation;

    ScreenFigures(Clock clock, ApplianceConfig appliance, RecentAlerts alerts, DeviceHealth cameras, Evaluation evaluation) {
        this.evaluation = evaluation;
        this.clock = clock;
        this.zone = ZoneId.of(appliance.timeZone());
        this.alerts = alerts;
        this.cameras = cameras;
    }

    ScreenSummary summary(Locale locale) {
        CaseMessages text = MessageBundles.get(CaseMessages.class, Localized.Literal.of(locale.getLanguage()));
        Instant now = clock.instant();
        ZonedDateTime today = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone);
        Instant dayStart = today.toInstant();
        Instant monthStart = today.withDayOfMonth(1).toInstant();
        List<Slice> byStage = new ArrayList<>();
        long open = 0;
        for (Object[] row : grouped("select c.stage, count(c) from CaseFile c where c.stage not in :closed group by c.stage",
                Map.of("closed", List.of(CaseStage.CLOSED, CaseStage.DISCARDED)))) {
            CaseStage stage = (CaseStage) row[0];
            long n = (Long) row[1];
            open += n;
            byStage.add(new Slice(stage.name(), text.stageName(stage), n));
        }
        byStage.sort(Comparator.comparing(s -> CaseStage.valueOf(s.key())));
        long overdue = CaseFile.count("stage not in ?1 and stageDeadlineAt < ?2", List.of(CaseStage.CLOSED, CaseStage.DISCARDED), now);
        EvaluationPeriod month = EvaluationPeriod.month(YearMonth.from(today), zone);
        return new ScreenSummary(STAMP.format(now.atZone(zone)), period(dayStart, text), period(monthStart, text), byStage, open, overdue,
                trend(today), topClasses(monthStart), rates(evaluation.table(EvaluationObject.COUNTY, month, false)),
                ranking(EvaluationObject.DEPARTMENT, month), ranking(EvaluationObject.STREET, month), alerts.recent(ALERTS, locale), cameras.now());
    }

    private Period period(Instant from, CaseMessages text) {
        List<Slice> bySource = new ArrayList<>();
        long reported = 0;
        for (Object[] row : grouped("select c.source, count(c) from CaseFile c where c.createdAt >= :from group by c.source",
                Map.of("from", from))) {
            CaseSource source = (CaseSource) row[0];
            reported += (Long) row[1];
            bySource.add(new Slice(source.name(), text.sourceName(source), (Long) row[1]));
        }
        bySource.sort(Comparator.comparingLong(Slice::value).reversed());
        return new Period(reported, CaseFile.count("closedAt >= ?1 and stage = ?2", from, CaseStage.CLOSED), bySource);
    }

    private List<Day> trend(ZonedDateTime today) {
        ZonedDateTime first = today.minusDays(TREND_DAYS - 1L);
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (int i = 0; i < TREND_DAYS; i++) {
            days.put(first.plusDays(i).toLocalDate(), new long[2]);
        }
        for (Instant at : CaseFile.getEntityManager().createQuery("select c.createdAt from CaseFile c where c.createdAt >= :from", Instant.class)
                .setParameter("from", first.toInstant()).getResultList()) {
            bump(days, at, 0);
        }
        for (Instant at : CaseFile.getEntityManager().createQuery(
                "select c.closedAt from CaseFile c where c.closedAt >= :from and c.stage = :closed", Instant.class)
                .setParameter("from", first.toInstant()).setParameter("closed", CaseStage.CLOSED).getResultList()) {
            bump(days, at, 1);
        }
        return days.entrySet().stream().map(e -> new Day(DAY.format(e.getKey()), e.getValue()[0], e.getValue()[1])).toList();
    }

    private void bump(Map<LocalDate, long[]> days, Instant at, int which) {
        long[] day = days.get(at.atZone(zone).toLocalDate());
        if (day != null) {
            day[which]++;
        }
    }

    private List<Slice> topClasses(Instant from) {
        return CaseFile.getEntityManager().createQuery("select c.classCode, count(c) from CaseFile c where c.createdAt >= :from"
                        + " and c.classCode is not null group by c.classCode order by count(c) desc", Object[].class)
                .setParameter("from", from).setMaxResults(TOP_CLASSES).getResultList().stream()
                .map(r -> new Slice((String) r[0], CaseClasses.find((String) r[0]).map(c -> c.name).orElse((String) r[0]), (Long) r[1]))
                .toList();
    }

    /** This month's ranking of one object type from the one evaluation table (every due case counts, closed or not). */
    private List<DepartmentRank> ranking(EvaluationObject object, EvaluationPeriod month) {
        return evaluation.table(object, month, false).rows().stream()
                .map(r -> new DepartmentRank(r.name(), r.counts().get(Indicator.DUE.code()), r.counts().get(Indicator.CLOSED.code()),
                        r.counts().get(Indicator.CLOSED_ON_TIME.code()), r.rates().get(Indicator.ON_TIME_CLOSE_RATE.code()),
                        r.rates().get(Indicator.CLOSE_RATE.code()), r.rates().get(Indicator.REWORK_RATE.code())))
                .filter(d -> d.due() > 0)
                .sorted(Comparator.comparing((DepartmentRank d) -> d.rate() == null ? -1 : d.rate()).reversed()
                        .thenComparing(DepartmentRank::due, Comparator.reverseOrder()))
                .toList();
    }

    private static Rates rates(EvaluationTable county) {
        return county.rows().stream().findFirst().map(r -> new Rates(r.counts().get(Indicator.DUE.code()), r.rates().get(Indicator.CLOSE_RATE.code()),
                r.rates().get(Indicator.ON_TIME_CLOSE_RATE.code()), r.rates().get(Indicator.REWORK_RATE.code()))).orElse(new Rates(0, null, null, null));
    }

    private static List<Object[]> grouped(String jpql, Map<String, Object> params) {
        var query = CaseFile.getEntityManager().createQuery(jpql, Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
