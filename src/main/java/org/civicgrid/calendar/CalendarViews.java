package org.civicgrid.calendar;

import java.time.DayOfWeek;
import java.util.List;

/** 日历视图 — the JSON shapes of the calendar API. */
public final class CalendarViews {

    private CalendarViews() {
    }

    /** One year of the calendar: the working periods, the weekend and the marked dates of that year. */
    public record CalendarView(int year, List<String> workingPeriods, List<DayOfWeek> weekend, List<DayView> days) {
    }

    /** A marked date. */
    public record DayView(String day, CalendarDayKind kind, String name) {
        static DayView of(CalendarDay d) {
            return new DayView(d.day, d.kind, d.name);
        }
    }

    /** Body of {@code PUT /api/calendar/days/{day}}: {@code HOLIDAY} or {@code WORKDAY}, and an optional name. */
    public record DayForm(String kind, String name) {
    }

    /** A deadline worked out on the current calendar; instants as ISO date-times in the site's zone. */
    public record DeadlineView(String start, String limit, String deadline) {
    }
}
