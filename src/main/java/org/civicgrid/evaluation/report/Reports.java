package org.civicgrid.evaluation.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.evaluation.Evaluation;
import org.civicgrid.evaluation.EvaluationObject;
import org.civicgrid.evaluation.EvaluationPages;
import org.civicgrid.evaluation.EvaluationPeriod;
import org.civicgrid.evaluation.EvaluationQueries;
import org.civicgrid.evaluation.EvaluationTable;
import org.civicgrid.evaluation.Indicator;
import org.civicgrid.org.Department;
import org.civicgrid.web.Problem;

/**
 * 报告编制 — builds a {@link Report} of one day, week or month beside the one before, from the evaluation table (the
 * same figures as /evaluation and the exports) and the {@link ReportSeries}; the page and the stored 月通报 both use it.
 */
@ApplicationScoped
public class Reports {

    static final List<Indicator> COUNTY = List.of(Indicator.REPORTED, Indicator.FILED, Indicator.DISPATCHED, Indicator.DUE, Indicator.CLOSED,
            Indicator.CLOSE_RATE, Indicator.ON_TIME_CLOSE_RATE, Indicator.OVERDUE, Indicator.REWORK_RATE, Indicator.RETURN_RATE, Indicator.URGED,
            Indicator.DUPLICATE_REPORTS, Indicator.RECURRENCE_RATE, Indicator.SATISFACTION);
    static final List<Indicator> RANKED = List.of(Indicator.DUE, Indicator.CLOSED, Indicator.ON_TIME_CLOSE_RATE, Indicator.CLOSE_RATE,
            Indicator.REWORK_RATE, Indicator.OVERDUE);
    /** The overdue list shows at most this many cases. */
    static final int OVERDUE_SHOWN = 50;

    private final Evaluation evaluation;
    private final EvaluationQueries queries;
    private final ReportSeries series;
    private final Clock clock;

    Reports(Evaluation evaluation, EvaluationQueries queries, ReportSeries series, Clock clock) {
        this.evaluation = evaluation;
        this.queries = queries;
        this.series = series;
        this.clock = clock;
    }

    /** The period of a report: {@code kind} day, week or month, {@code period} as written (today's by default). */
    public EvaluationPeriod period(String kind, String period) {
        LocalDate today = LocalDate.now(clock.withZone(evaluation.zone()));
        boolean none = period == null || period.isBlank();
        return switch (kind) {
            case "day" -> EvaluationPeriod.day(none ? today : day(period), evaluation.zone());
            case "week" -> none ? EvaluationPeriod.week(today, evaluation.zone()) : EvaluationPeriod.parse(period, null, null, clock, evaluation.zone());
            case "month" -> none ? EvaluationPeriod.month(YearMonth.from(today), evaluation.zone())
                    : EvaluationPeriod.parse(period, null, null, clock, evaluation.zone());
            default -> throw Problem.badRequest("kind", "kind is day, week or month");
        };
    }

    /**
     * Not one transaction: with SQLite every transaction takes the write lock at BEGIN, so the tables are computed each
     * in its own and the series read in the caller's request context.
     */
    public Report build(String kind, EvaluationPeriod now, boolean english) {
        EvaluationPeriod before = switch (kind) {
            case "day" -> EvaluationPeriod.day(now.firstDay().minusDays(1), evaluation.zone());
            case "week" -> EvaluationPeriod.week(now.firstDay().minusDays(7), evaluation.zone());
            default -> EvaluationPeriod.month(YearMonth.from(now.firstDay()).minusMonths(1), evaluation.zone());
        };
        EvaluationTable.Row a = evaluation.table(EvaluationObject.COUNTY, now, english).rows().stream().findFirst().orElse(null);
        EvaluationTable.Row b = evaluation.table(EvaluationObject.COUNTY, before, english).rows().stream().findFirst().orElse(null);
        List<Report.Compared> county = COUNTY.stream().map(i -> new Report.Compared(i.label(english), value(a, i, english), value(b, i, english))).toList();
        List<EvaluationPages.Shown> shown = RANKED.stream()
                .map(i -> EvaluationPages.Shown.of(i, english, evaluation.recurrenceDays())).toList();
        List<Report.Ranking> rankings = List.of(new Report.Ranking(false, evaluation.table(EvaluationObject.DEPARTMENT, now, english)),
                new Report.Ranking(true, evaluation.table(EvaluationObject.STREET, now, english)));
        List<Long> overdueIds = a == null ? List.of()
                : queries.caseIds(EvaluationObject.COUNTY, a.key(), Indicator.OVERDUE, now.from(), now.to(), OVERDUE_SHOWN + 1);
        return new Report(kind, now.label(), before.label(), now.firstDay().toString(), now.lastDay().toString(), county, rankings, shown,
                now.firstDay().equals(now.lastDay()), series.trend(now, evaluation.zone()), series.classes(now), series.grids(now),
                overdue(overdueIds.stream().limit(OVERDUE_SHOWN).toList()), overdueIds.size() > OVERDUE_SHOWN);
    }

    private List<Report.Overdue> overdue(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, String> departments = Department.<Department>listAll().stream().collect(Collectors.toMap(d -> d.id, d -> d.name));
        return CaseFile.<CaseFile>list("id in ?1 order by id", ids).stream()
                .map(c -> new Report.Overdue(c.id, c.number, c.classCode, c.departmentId == null ? "" : departments.getOrDefault(c.departmentId, ""),
                        c.address, c.handlingDeadlineAt == null ? "" : c.handlingDeadlineAt.atZone(evaluation.zone()).toLocalDateTime().toString()
                                .replace('T', ' ').substring(0, 16), c.stage))
                .toList();
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("period", "write the day like 2026-11-23");
        }
    }

    private static String value(EvaluationTable.Row row, Indicator i, boolean english) {
        if (row == null) {
            return i.isRate() ? "–" : "0";
        }
        if (i.isRate()) {
            Double v = row.rates().get(i.code());
            return v == null ? "–" : v + i.unit().label(english);
        }
        return String.valueOf(row.counts().get(i.code()));
    }
}
