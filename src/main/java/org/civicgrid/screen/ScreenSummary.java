package org.civicgrid.screen;

import java.util.List;

/**
 * 大屏数据 — what {@code /api/screen/summary} answers: labels already in the viewer's language, so the screen only
 * draws.
 */
public record ScreenSummary(String generatedAt, Period today, Period month, List<Slice> openByStage, long open, long overdue,
        List<Day> trend, List<Slice> topClasses, List<DepartmentRank> departments, List<RecentAlerts.Line> alerts,
        DeviceHealth.Health cameras) {

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
     * 按期结案率 of a department this month: cases it handled that were closed this month, how many were reported
     * handled by their handling deadline (延期 included), and the rate in per cent.
     */
    public record DepartmentRank(String name, long closed, long onTime, double rate) {
    }
}
