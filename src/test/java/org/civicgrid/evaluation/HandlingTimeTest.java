package org.civicgrid.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.civicgrid.calendar.WorkingCalendar;
import org.civicgrid.calendar.WorkingPeriod;
import org.junit.jupiter.api.Test;

/**
 * 平均处置用时 counts working time by the working calendar (08:00–12:00, 14:00–18:00, Saturday and Sunday off,
 * Asia/Shanghai), worked by hand. 2026-12-04 is a Friday.
 */
class HandlingTimeTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WorkingCalendar STANDARD = WorkingCalendar.standard(SHANGHAI);

    @Test
    void fridayAfternoonToMondayMorningIsFourWorkingHours() {
        // Fri 16:00–18:00 (2 h) + Mon 08:00–10:00 (2 h); the weekend does not count
        assertEquals(240, minutes(STANDARD, "2026-12-04T16:00", "2026-12-07T10:00"));
    }

    @Test
    void lunchAndEveningsDoNotCount() {
        assertEquals(60, minutes(STANDARD, "2026-12-07T11:30", "2026-12-07T14:30"), "11:30–12:00 and 14:00–14:30");
        assertEquals(30, minutes(STANDARD, "2026-12-07T17:30", "2026-12-07T21:00"), "only 17:30–18:00");
        assertEquals(0, minutes(STANDARD, "2026-12-05T09:00", "2026-12-06T17:00"), "a weekend");
    }

    @Test
    void aHolidayMondayAndAMakeUpSaturday() {
        WorkingCalendar calendar = new WorkingCalendar(WorkingPeriod.DEFAULTS, WorkingCalendar.DEFAULT_WEEKEND, Set.of(LocalDate.of(2026, 12, 7)),
                Set.of(LocalDate.of(2026, 12, 5)), SHANGHAI);
        // Fri 16:00–18:00 2 h + Sat (调休上班) 8 h + Mon off + Tue 08:00–10:00 2 h
        assertEquals(720, minutes(calendar, "2026-12-04T16:00", "2026-12-08T10:00"));
    }

    @Test
    void suspendedTimeIsLeftOut() {
        // Mon 09:00 → Wed 10:00 is 7 + 8 + 2 = 17 h; 挂账 Mon 11:00 → Wed 09:00 kept 1 + 4 + 8 + 1 = 14 h of it → 3 h
        List<Instant[]> pause = List.<Instant[]>of(new Instant[] {at("2026-12-07T11:00"), at("2026-12-09T09:00")});
        assertEquals(180, EvaluationQueries.handlingMinutes(STANDARD, at("2026-12-07T09:00"), at("2026-12-09T10:00"), pause));
        // a 挂账 begun before the 派遣 it is measured from, or still running at the 处置, is clipped to the span
        List<Instant[]> open = List.<Instant[]>of(new Instant[] {at("2026-12-07T17:00"), null});
        assertEquals(360, EvaluationQueries.handlingMinutes(STANDARD, at("2026-12-07T09:00"), at("2026-12-08T10:00"), open), "Mon 09–12, 14–17");
    }

    @Test
    void theAverageIsInWorkingHoursWithOneDecimal() {
        assertEquals(3.6, Indicator.AVERAGE_HANDLING_TIME.rate(1300, 6));
        assertEquals(null, Indicator.AVERAGE_HANDLING_TIME.rate(0, 0));
        assertEquals(DayOfWeek.FRIDAY, LocalDate.of(2026, 12, 4).getDayOfWeek());
        assertEquals(false, Indicator.AVERAGE_HANDLING_TIME.higherIsBetter());
    }

    private static long minutes(WorkingCalendar calendar, String from, String to) {
        return EvaluationQueries.handlingMinutes(calendar, at(from), at(to), List.of());
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
