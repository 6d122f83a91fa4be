package org.civicgrid.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The living demo's plan: deterministic, in day order, ending yesterday, fewer cases on weekends. */
class DemoHistoryPlanTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7); // a Monday

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        DemoHistoryPlan a = DemoHistoryPlan.of(370831, TODAY, 91, 8);
        assertEquals(a, DemoHistoryPlan.of(370831, TODAY, 91, 8));
        assertNotEquals(a.cases(), DemoHistoryPlan.of(1, TODAY, 91, 8).cases());
    }

    @Test
    void casesRunFromTheFirstDayToYesterdayInOrder() {
        DemoHistoryPlan plan = DemoHistoryPlan.of(370831, TODAY, 91, 8);
        List<DemoHistoryPlan.Entry> cases = plan.cases();
        assertEquals(TODAY.minusDays(91), plan.firstDay());
        assertFalse(cases.get(0).day().isBefore(plan.firstDay()));
        assertTrue(cases.get(cases.size() - 1).day().isBefore(TODAY), "nothing today or later");
        for (int i = 0; i < cases.size(); i++) {
            assertEquals(i, cases.get(i).index());
            assertTrue(i == 0 || !cases.get(i).day().isBefore(cases.get(i - 1).day()), "in day order at " + i);
        }
        // 13 weeks: 65 working days of 4–12 cases and 26 weekend days of 2–6
        assertTrue(cases.size() >= 65 * 4 + 26 * 2 && cases.size() <= 65 * 12 + 26 * 6, "size " + cases.size());
    }

    @Test
    void weekendsHaveAboutHalfAsManyCases() {
        List<DemoHistoryPlan.Entry> cases = DemoHistoryPlan.of(370831, TODAY, 91, 8).cases();
        long weekend = cases.stream().filter(e -> e.day().getDayOfWeek() == DayOfWeek.SATURDAY || e.day().getDayOfWeek() == DayOfWeek.SUNDAY)
                .count();
        double perWeekendDay = weekend / 26.0;
        double perWorkingDay = (cases.size() - weekend) / 65.0;
        assertTrue(perWeekendDay < perWorkingDay * 0.7 && perWeekendDay > perWorkingDay * 0.3, perWeekendDay + " vs " + perWorkingDay);
    }
}
