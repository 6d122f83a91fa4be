package org.civicgrid.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Retention keeps the newest backup of each recent day, ISO week and month, and nothing else. */
class RetentionTest {

    record Taken(LocalDateTime taken) implements Retention.Dated {
    }

    /** One backup a night at 02:30 from {@code first} to 2026-12-07 (a Monday, ISO week 50). */
    private static List<Taken> nightly(LocalDate first) {
        List<Taken> all = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(LocalDate.of(2026, 12, 7)); d = d.plusDays(1)) {
            all.add(new Taken(d.atTime(2, 30)));
        }
        return all;
    }

    private static Set<String> kept(List<Taken> all, int daily, int weekly, int monthly) {
        Set<String> out = new TreeSet<>();
        Retention.keep(all, daily, weekly, monthly).forEach(t -> out.add(t.taken().toString()));
        return out;
    }

    @Test
    void theNewestOfEachRecentDayWeekAndMonthIsKept() {
        List<Taken> all = nightly(LocalDate.of(2026, 9, 1));
        all.add(new Taken(LocalDate.of(2026, 12, 7).atTime(LocalTime.of(14, 0)))); // a second backup today: the newer one counts
        // days: 12-07 (14:00), 12-06, 12-05; weeks 50 and 49 are already kept by 12-07 and 12-06; months: Dec, Nov 30, Oct 31
        assertEquals(Set.of("2026-10-31T02:30", "2026-11-30T02:30", "2026-12-05T02:30", "2026-12-06T02:30", "2026-12-07T14:00"),
                kept(all, 3, 2, 3));
    }

    @Test
    void theDefaultsKeepTwentyOfTwoYearsOfNightlyBackups() {
        Set<String> kept = kept(nightly(LocalDate.of(2025, 1, 1)), 7, 4, 12);
        // 7 days (12-01..12-07) + weeks 48 and 47 (11-29, 11-22; weeks 50 and 49 are days already) + 11 more month ends (Jan..Nov)
        assertEquals(20, kept.size(), kept.toString());
        assertEquals("2026-01-31T02:30", kept.iterator().next(), "the oldest kept is a year back at most");
    }
}
