package org.civicgrid.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The calendar arithmetic, exact to the second, on 2026's 中秋 (9-25..27) and 国庆 (10-01..07) holidays with the
 * 调休 make-up days Sunday 9-20 and Saturday 10-10, default periods 08:00–12:00 and 14:00–18:00, Asia/Shanghai.
 */
class WorkingCalendarTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final WorkingCalendar CALENDAR = new WorkingCalendar(WorkingPeriod.DEFAULTS, WorkingCalendar.DEFAULT_WEEKEND,
            Stream.concat(days("2026-09-25", 3), days("2026-10-01", 7)).collect(java.util.stream.Collectors.toSet()),
            Set.of(LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10")), ZONE);

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            // 工作时: across the lunch break, a weekend, 中秋, 国庆, 调休 Saturday and Sunday
            "2026-09-14T10:00, 4工作时, 2026-09-14T16:00",
            "2026-09-11T16:00, 4工作时, 2026-09-14T10:00",
            "2026-09-24T17:00, 2工作时, 2026-09-28T09:00",
            "2026-09-30T16:00, 4工作时, 2026-10-08T10:00",
            "2026-10-09T16:00, 4工作时, 2026-10-10T10:00",
            "2026-09-19T10:00, 2工作时, 2026-09-20T10:00",
            // ends at the earliest instant: the end of a period, not the start of the next one
            "2026-09-14T08:00, 4工作时, 2026-09-14T12:00",
            "2026-09-14T14:00, 4工作时, 2026-09-14T18:00",
            "2026-09-14T08:00, 1工作日, 2026-09-14T18:00",
            // a start outside working time counts from the next working period
            "2026-09-14T12:30, 1工作时, 2026-09-14T15:00",
            "2026-09-14T20:00, 1工作时, 2026-09-15T09:00",
            "2026-09-14T06:00, 1工作时, 2026-09-14T09:00",
            "2026-09-12T10:00, 4工作时, 2026-09-14T12:00",
            "2026-09-30T19:00, 1工作日, 2026-10-08T18:00",
            // 工作日 = working hours of a day
            "2026-09-14T10:00, 1工作日, 2026-09-15T10:00",
            "2026-09-30T10:00, 1工作日, 2026-10-08T10:00",
            "2026-10-09T10:00, 1工作日, 2026-10-10T10:00",
            "2026-10-09T10:00, 2工作日, 2026-10-12T10:00",
            "2026-09-14T15:30, 3工作日, 2026-09-17T15:30",
            // 紧急工作时 and 自然日: wall clock, nights and holidays included
            "2026-09-30T22:00, 2紧急工作时, 2026-10-01T00:00",
            "2026-10-03T03:00, 2紧急工作时, 2026-10-03T05:00",
            "2026-09-30T10:00, 3自然日, 2026-10-03T10:00",
            "2026-09-19T23:30, 1自然日, 2026-09-20T23:30"})
    void deadlines(String start, String limit, String expected) {
        assertEquals(local(expected), CALENDAR.deadline(local(start), TimeLimit.parse(limit)));
    }

    @Test
    void workingDaysFollowWeekendHolidaysAndMakeUpDays() {
        assertTrue(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-14")), "Monday");
        assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-19")), "Saturday");
        assertTrue(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-20")), "调休 Sunday");
        assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-25")), "中秋 Friday");
        assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-01")), "国庆 Thursday");
        assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-04")), "国庆 Sunday");
        assertTrue(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-08")), "first day back");
        assertTrue(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-10")), "调休 Saturday");
        assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-11")), "Sunday");
        assertTrue(CALENDAR.isWorkingTime(local("2026-09-14T08:00")));
        assertFalse(CALENDAR.isWorkingTime(local("2026-09-14T12:00")), "period ends are exclusive");
        assertFalse(CALENDAR.isWorkingTime(local("2026-10-02T10:00")));
    }

    @ParameterizedTest(name = "{0} .. {1}: {2} working, {3} wall clock")
    @CsvSource({
            "2026-09-14T10:00, 2026-09-14T15:00, PT3H, PT5H",
            "2026-09-14T12:00, 2026-09-14T14:00, PT0S, PT2H",
            "2026-09-30T10:00, 2026-10-08T10:00, PT8H, PT192H",
            "2026-09-19T00:00, 2026-09-20T00:00, PT0S, PT24H",
            "2026-10-10T00:00, 2026-10-11T00:00, PT8H, PT24H",
            "2026-09-11T17:30, 2026-09-14T08:15, PT45M, PT62H45M",
            "2026-09-14T15:00, 2026-09-14T15:00, PT0S, PT0S",
            "2026-09-14T15:00, 2026-09-14T10:00, PT0S, PT0S"})
    void clockTimeCountsTheUnitsClock(String from, String to, Duration working, Duration wall) {
        assertEquals(working, CALENDAR.clockTime(local(from), local(to), LimitUnit.WORK_HOUR));
        assertEquals(working, CALENDAR.clockTime(local(from), local(to), LimitUnit.WORK_DAY));
        assertEquals(wall, CALENDAR.clockTime(local(from), local(to), LimitUnit.URGENT_HOUR));
        assertEquals(wall, CALENDAR.clockTime(local(from), local(to), LimitUnit.NATURAL_DAY));
    }

    @Test
    void addIsTheInverseOfClockTimeForEveryInstantInsideWorkingTime() {
        List<Instant> starts = Stream.of("2026-09-14T10:00", "2026-09-14T12:30", "2026-09-18T21:00", "2026-09-19T09:00",
                "2026-09-24T16:45", "2026-09-30T17:59", "2026-10-03T12:00").map(WorkingCalendarTest::local).toList();
        int checked = 0;
        for (Instant start : starts) {
            for (Instant x = start; x.isBefore(start.plus(Duration.ofDays(14))); x = x.plus(Duration.ofMinutes(11))) {
                for (LimitUnit unit : LimitUnit.values()) {
                    Instant back = CALENDAR.add(start, CALENDAR.clockTime(start, x, unit), unit);
                    if (!unit.workingTime() || insideWorkingTime(x)) {
                        assertEquals(x, back, unit + " from " + start + " to " + x);
                        checked++;
                    } else {
                        assertFalse(back.isAfter(x), "the earliest instant, never later: " + x);
                    }
                }
            }
        }
        assertTrue(checked > 10_000, "checked " + checked);
    }

    @Test
    void aDeadlineGrantsExactlyTheLimitsAllowance() {
        Instant start = local("2026-09-29T11:11");
        for (String text : List.of("3紧急工作时", "7工作时", "5工作日", "4自然日")) {
            TimeLimit limit = TimeLimit.parse(text);
            assertEquals(CALENDAR.allowance(limit), CALENDAR.clockTime(start, CALENDAR.deadline(start, limit), limit.unit()), text);
        }
        assertEquals(Duration.ofHours(40), CALENDAR.allowance(TimeLimit.parse("5工作日")));
    }

    @Test
    void resumingAfterASuspensionUsesTheTimeLeft() {
        TimeLimit limit = TimeLimit.parse("2工作日");
        Instant filed = local("2026-09-29T10:00");
        Instant suspended = local("2026-09-29T15:00");
        Duration left = CALENDAR.allowance(limit).minus(CALENDAR.clockTime(filed, suspended, limit.unit()));
        assertEquals(Duration.ofHours(13), left);
        assertEquals(local("2026-10-09T15:00"), CALENDAR.add(local("2026-10-08T08:00"), left, limit.unit()));
        assertEquals(local("2026-10-08T08:00"), CALENDAR.add(local("2026-10-08T08:00"), Duration.ZERO, limit.unit()));
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.add(filed, Duration.ofMinutes(-1), LimitUnit.WORK_HOUR));
    }

    @Test
    void theWorkingDayIsAsLongAsItsPeriods() {
        assertEquals(Duration.ofHours(8), CALENDAR.workingDayLength());
        WorkingCalendar summer = new WorkingCalendar(WorkingPeriod.parseList("08:30-12:00,15:00-19:00"), WorkingCalendar.DEFAULT_WEEKEND,
                Set.of(), Set.of(), ZONE);
        assertEquals(Duration.ofMinutes(450), summer.workingDayLength());
        assertEquals(local("2026-09-15T10:00"), summer.deadline(local("2026-09-14T10:00"), TimeLimit.parse("1工作日")));
        assertEquals(local("2026-09-14T19:00"), summer.deadline(local("2026-09-14T08:30"), TimeLimit.parse("1工作日")));
        assertEquals(local("2026-09-14T16:00"), summer.deadline(local("2026-09-14T11:00"), TimeLimit.parse("2工作时")));
    }

    @Test
    void instantsStayExactAcrossADaylightSavingChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        WorkingCalendar calendar = WorkingCalendar.standard(berlin);
        Instant friday = LocalDateTime.parse("2026-03-27T16:00").atZone(berlin).toInstant();
        assertEquals(LocalDateTime.parse("2026-03-30T10:00").atZone(berlin).toInstant(), calendar.deadline(friday, TimeLimit.parse("4工作时")));
        Instant saturday = LocalDateTime.parse("2026-03-28T23:00").atZone(berlin).toInstant();
        assertEquals(LocalDateTime.parse("2026-03-30T00:00").atZone(berlin).toInstant(),
                calendar.deadline(saturday, TimeLimit.parse("24紧急工作时")), "the night of the change is one hour short");
    }

    @Test
    void inconsistentCalendarsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WorkingCalendar(WorkingPeriod.parseList("08:00-12:00,11:00-13:00"),
                WorkingCalendar.DEFAULT_WEEKEND, Set.of(), Set.of(), ZONE));
        assertThrows(IllegalArgumentException.class, () -> new WorkingCalendar(List.of(), WorkingCalendar.DEFAULT_WEEKEND, Set.of(), Set.of(), ZONE));
        assertThrows(IllegalArgumentException.class, () -> new WorkingCalendar(WorkingPeriod.DEFAULTS, WorkingCalendar.DEFAULT_WEEKEND,
                Set.of(LocalDate.parse("2026-10-10")), Set.of(LocalDate.parse("2026-10-10")), ZONE));
        assertThrows(IllegalArgumentException.class, () -> new WorkingCalendar(WorkingPeriod.DEFAULTS, Set.of(DayOfWeek.values()),
                Set.of(), Set.of(), ZONE));
    }

    @Test
    void longLimitsAreComputedDayByDayNotMinuteByMinute() {
        Instant start = local("2026-01-05T09:00");
        long began = System.nanoTime();
        Instant last = start;
        for (int i = 0; i < 10_000; i++) {
            last = CALENDAR.deadline(start.plus(Duration.ofMinutes(i)), TimeLimit.parse("20工作日"));
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - began).compareTo(Duration.ofSeconds(5)) < 0, "10 000 deadlines of 20工作日");
        assertEquals(local("2026-02-06T18:00"), last, "the last start, Monday 07:39, counts from 08:00");
    }

    private static boolean insideWorkingTime(Instant x) {
        LocalTime time = LocalTime.ofInstant(x, ZONE);
        return CALENDAR.isWorkingDay(LocalDate.ofInstant(x, ZONE))
                && CALENDAR.workingPeriods().stream().anyMatch(p -> time.isAfter(p.start()) && !time.isAfter(p.end()));
    }

    static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    private static Stream<LocalDate> days(String first, int count) {
        return Stream.iterate(LocalDate.parse(first), d -> d.plusDays(1)).limit(count);
    }
}
