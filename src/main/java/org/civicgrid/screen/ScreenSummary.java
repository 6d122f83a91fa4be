package org.civicgrid.screen;

import java.util.List;

/**
 * 大屏数据 — what {@code /api/screen/summary} answers: labels already in the viewer's language, so the screen only
 * draws.
 */
public record ScreenSummary(String generatedAt, Period today, Period month, List<Slice> openByStage, long open, long overdue,
        List<Day> trend, List<Slice> topClasses, Rates monthRates, List<DepartmentRank> departments, List<DepartmentRank> streets,
        List<RecentAlerts.Line> alerts, DeviceHealth.Health cameras) {

    /** The county's 结案率, 按期结案率 and 返工率 this month (per cent, null when nothing fell due), from the evaluation. */
    public record Rates(long due, Double closeRate, Double onTimeRate, Double reworkRate) {
    }

    /** Reported and closed in a period, and the reports by source. */
    public record Period(long reported, long closed, List<Slice> bySource) {
    }

    /** One bar or pie slice: key (enum name or code), label, value. */
    public record Slice(String key, String label, long value) {
    }

    /** One day of the trend: {@code MM-dd}, reported, closed. */
    public record Day(String day, long reported, long closed) {
    }

    /**
     * One department's (or street's) line of this month's evaluation ({@code org.civicgrid.evaluation}): 应结案数,
     * 结案数, 按期结案数, and 按期结案率 ({@code rate}), 结案率, 返工率 in per cent (null when nothing fell due).
     */
    public record DepartmentRank(String name, long due, long closed, long onTime, Double rate, Double closeRate, Double reworkRate) {
    }
}
