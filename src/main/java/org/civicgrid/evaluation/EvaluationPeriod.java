package org.civicgrid.evaluation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import org.civicgrid.web.Problem;

/**
 * 考核期 — a period of evaluation: a month ({@code 2026-11}), an ISO week ({@code 2026-W48}), a day or any range of
 * days; {@code from} inclusive, {@code to} exclusive (the day after the last day), in the centre's time zone.
 */
public record EvaluationPeriod(String label, LocalDate firstDay, LocalDate lastDay, Instant from, Instant to) {

    public static EvaluationPeriod of(LocalDate first, LocalDate last, String label, ZoneId zone) {
        if (last.isBefore(first)) {
            throw Problem.badRequest("to", "the period ends before it starts");
        }
        return new EvaluationPeriod(label, first, last, first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public static EvaluationPeriod month(YearMonth month, ZoneId zone) {
        return of(month.atDay(1), month.atEndOfMonth(), month.toString(), zone);
    }

    public static EvaluationPeriod week(LocalDate anyDay, ZoneId zone) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String label = "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return of(monday, monday.plusDays(6), label, zone);
    }

    public static EvaluationPeriod day(LocalDate day, ZoneId zone) {
        return of(day, day, day.toString(), zone);
    }

    /**
     * From the request: {@code period=2026-11} or {@code 2026-W48}, or {@code from}/{@code to} days (to inclusive); this
     * month by default.
     */
    public static EvaluationPeriod parse(String period, String from, String to, Clock clock, ZoneId zone) {
        try {
            if (period != null && !period.isBlank()) {
                String p = period.trim();
                if (p.contains("W")) {
                    String[] yw = p.split("-W");
                    LocalDate monday = LocalDate.of(Integer.parseInt(yw[0]), 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(yw[1]));
                    return week(monday, zone);
                }
                return month(YearMonth.parse(p), zone);
            }
            if (from != null && !from.isBlank()) {
                LocalDate first = LocalDate.parse(from.trim());
                LocalDate last = to == null || to.isBlank() ? LocalDate.now(clock.withZone(zone)) : LocalDate.parse(to.trim());
                return of(first, last, first + "~" + last, zone);
            }
        } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw Problem.badRequest(period != null && !period.isBlank() ? "period" : "from",
                    "write a month like 2026-11, a week like 2026-W48 or days like 2026-11-01");
        }
        return month(YearMonth.from(LocalDate.now(clock.withZone(zone))), zone);
    }
}
