package org.civicgrid.evaluation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.civicgrid.org.Role;
import org.civicgrid.web.PageContext;
import org.civicgrid.web.Problem;

/**
 * 日盘点 / 周分析 / 月通报 — {@code /evaluation/report?kind=day|week|month&period=…}: a print-friendly (A4) report of one
 * period beside the one before — the county's figures, the department and street rankings (ECharts), the definitions —
 * from the same evaluation table as everything else. The frozen monthly snapshot is the stored copy of a 月通报.
 */
@Path("/evaluation/report")
@RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD, Role.Names.ADMIN})
@Blocking
public class ReportPages {

    /** One county figure this period and the one before. */
    public record Compared(String label, String now, String before) {
    }

    /** One ranking: departments (street = false) or streets. */
    public record Ranking(boolean street, EvaluationTable table) {
    }

    public record Report(String kind, String period, String previous, String from, String to, List<Compared> county, List<Ranking> rankings,
            List<EvaluationPages.Shown> shown) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(Report report);
    }

    static final List<Indicator> COUNTY = List.of(Indicator.REPORTED, Indicator.FILED, Indicator.DISPATCHED, Indicator.DUE, Indicator.CLOSED,
            Indicator.CLOSE_RATE, Indicator.ON_TIME_CLOSE_RATE, Indicator.OVERDUE, Indicator.REWORK_RATE, Indicator.RETURN_RATE, Indicator.URGED,
            Indicator.DUPLICATE_REPORTS, Indicator.RECURRENCE_RATE, Indicator.SATISFACTION);
    static final List<Indicator> RANKED = List.of(Indicator.DUE, Indicator.CLOSED, Indicator.ON_TIME_CLOSE_RATE, Indicator.CLOSE_RATE,
            Indicator.REWORK_RATE, Indicator.OVERDUE);

    private final Evaluation evaluation;
    private final Clock clock;
    private final RoutingContext http;

    ReportPages(Evaluation evaluation, Clock clock, RoutingContext http) {
        this.evaluation = evaluation;
        this.clock = clock;
        this.http = http;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance report(@QueryParam("kind") String kind, @QueryParam("period") String period) {
        boolean english = "en".equals(PageContext.locale(http).getLanguage());
        String k = kind == null || kind.isBlank() ? "month" : kind.trim();
        LocalDate today = LocalDate.now(clock.withZone(evaluation.zone()));
        EvaluationPeriod now;
        EvaluationPeriod before;
        switch (k) {
            case "day" -> {
                now = EvaluationPeriod.day(period == null || period.isBlank() ? today : day(period), evaluation.zone());
                before = EvaluationPeriod.day(now.firstDay().minusDays(1), evaluation.zone());
            }
            case "week" -> {
                now = period == null || period.isBlank() ? EvaluationPeriod.week(today, evaluation.zone())
                        : EvaluationPeriod.parse(period, null, null, clock, evaluation.zone());
                before = EvaluationPeriod.week(now.firstDay().minusDays(7), evaluation.zone());
            }
            case "month" -> {
                now = period == null || period.isBlank() ? EvaluationPeriod.month(YearMonth.from(today), evaluation.zone())
                        : EvaluationPeriod.parse(period, null, null, clock, evaluation.zone());
                before = EvaluationPeriod.month(YearMonth.from(now.firstDay()).minusMonths(1), evaluation.zone());
            }
            default -> throw Problem.badRequest("kind", "kind is day, week or month");
        }
        EvaluationTable.Row a = evaluation.table(EvaluationObject.COUNTY, now, english).rows().stream().findFirst().orElse(null);
        EvaluationTable.Row b = evaluation.table(EvaluationObject.COUNTY, before, english).rows().stream().findFirst().orElse(null);
        List<Compared> county = COUNTY.stream().map(i -> new Compared(i.label(english), value(a, i), value(b, i))).toList();
        List<EvaluationPages.Shown> shown = RANKED.stream()
                .map(i -> new EvaluationPages.Shown(i.code(), i.label(english), i.isRate(), i.definition(english, evaluation.recurrenceDays()))).toList();
        List<Ranking> rankings = List.of(new Ranking(false, evaluation.table(EvaluationObject.DEPARTMENT, now, english)),
                new Ranking(true, evaluation.table(EvaluationObject.STREET, now, english)));
        return Templates.report(new Report(k, now.label(), before.label(), now.firstDay().toString(), now.lastDay().toString(), county, rankings,
                shown));
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw Problem.badRequest("period", "write the day like 2026-11-23");
        }
    }

    private static String value(EvaluationTable.Row row, Indicator i) {
        if (row == null) {
            return i.isRate() ? "–" : "0";
        }
        if (i.isRate()) {
            Double v = row.rates().get(i.code());
            return v == null ? "–" : v + "%";
        }
        return String.valueOf(row.counts().get(i.code()));
    }
}
