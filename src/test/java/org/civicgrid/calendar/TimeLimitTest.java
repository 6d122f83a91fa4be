package org.civicgrid.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Time limits as filing standards and CSV files write them. */
class TimeLimitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2紧急工作时, 2, URGENT_HOUR, 2紧急工作时",
            "4工作时, 4, WORK_HOUR, 4工作时",
            "4小时, 4, WORK_HOUR, 4工作时",
            "1工作日, 1, WORK_DAY, 1工作日",
            "3自然日, 3, NATURAL_DAY, 3自然日",
            "'  24 工作时 ', 24, WORK_HOUR, 24工作时",
            "2 work_hour, 2, WORK_HOUR, 2工作时",
            "2 urgent_hour, 2, URGENT_HOUR, 2紧急工作时",
            "5 work_day, 5, WORK_DAY, 5工作日",
            "7 Natural_Day, 7, NATURAL_DAY, 7自然日",
            "3work_day, 3, WORK_DAY, 3工作日",
            "9999自然日, 9999, NATURAL_DAY, 9999自然日"})
    void parses(String text, int value, LimitUnit unit, String chinese) {
        TimeLimit limit = TimeLimit.parse(text);
        assertEquals(new TimeLimit(value, unit), limit);
        assertEquals(chinese, limit.toString());
        assertEquals(limit, TimeLimit.parse(limit.toString()));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "  ", "4", "工作时", "0工作时", "-1工作时", "4.5工作时", "4天", "4 hours", "four 工作时",
            "10000自然日", "99999999999工作时", "4工作时4", "4 work hour", "２工作时"})
    void refusesAndNamesTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeLimit.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void refusesNothing() {
        assertThrows(IllegalArgumentException.class, () -> TimeLimit.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new TimeLimit(1, null));
    }

    @Test
    void unitsKnowTheirClockAndTheirWords() {
        assertFalse(LimitUnit.URGENT_HOUR.workingTime());
        assertTrue(LimitUnit.WORK_HOUR.workingTime());
        assertTrue(LimitUnit.WORK_DAY.workingTime());
        assertFalse(LimitUnit.NATURAL_DAY.workingTime());
        for (LimitUnit unit : LimitUnit.values()) {
            assertEquals(unit, LimitUnit.parse(unit.code()));
            assertEquals(unit, LimitUnit.parse(unit.name()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LimitUnit.parse("fortnight"));
        assertTrue(e.getMessage().contains("'fortnight'"), e.getMessage());
    }

    @Test
    void workingPeriodsAreWrittenHourMinute() {
        assertEquals("[08:00-12:00, 14:00-18:00]", WorkingPeriod.parseList("08:00-12:00, 14:00-18:00").toString());
        assertEquals("08:30-12:00", WorkingPeriod.parse(" 08:30 - 12:00 ").toString());
        for (String bad : new String[] {"8:00-12:00", "08:00-24:00", "12:00-08:00", "08:00-08:00", "08:00", "08:00-12:60"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkingPeriod.parse(bad));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> WorkingPeriod.parseList("14:00-18:00,08:00-12:00"));
        assertThrows(IllegalArgumentException.class, () -> WorkingPeriod.parseList(""));
    }

    @Test
    void onTheDutyCalendarWorkingUnitsCountAroundTheClock() {
        assertEquals(TimeLimit.parse("1紧急工作时"), TimeLimit.parse("1工作时").roundTheClock());
        assertEquals(TimeLimit.parse("2自然日"), TimeLimit.parse("2工作日").roundTheClock());
        assertEquals(TimeLimit.parse("2紧急工作时"), TimeLimit.parse("2紧急工作时").roundTheClock());
        assertEquals(TimeLimit.parse("3自然日"), TimeLimit.parse("3自然日").roundTheClock());
        WorkingCalendar calendar = WorkingCalendar.standard(java.time.ZoneId.of("Asia/Shanghai"));
        java.time.Instant monday1900 = java.time.ZonedDateTime.parse("2026-11-23T19:00:00+08:00").toInstant();
        assertEquals(java.time.ZonedDateTime.parse("2026-11-24T09:00:00+08:00").toInstant(),
                calendar.deadline(monday1900, TimeLimit.parse("1工作时")), "office hours: the next morning");
        assertEquals(java.time.ZonedDateTime.parse("2026-11-23T20:00:00+08:00").toInstant(),
                calendar.deadline(monday1900, TimeLimit.parse("1工作时").roundTheClock()), "24-hour duty: within the hour");
    }
}
