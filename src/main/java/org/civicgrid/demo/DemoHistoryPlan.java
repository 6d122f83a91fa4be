package org.civicgrid.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * 演示历史计划 — which cases the living demo reports on which day: {@code days} days ending the day before
 * {@code today}, about {@code perDay} cases a working day and half as many on a weekend, in day order. Pure and
 * deterministic: the same seed, today and sizes give the same plan, so a restart resumes at the same case. Each case
 * carries its own seed, so a case plays the same whether it runs in the first run or after a restart.
 */
record DemoHistoryPlan(LocalDate firstDay, List<Entry> cases) {

    /** One case of the plan: the day it is reported on and the seed of its own choices. */
    record Entry(int index, LocalDate day, long seed) {
    }

    static DemoHistoryPlan of(long seed, LocalDate today, int days, int perDay) {
        Random random = new Random(seed);
        LocalDate first = today.minusDays(days);
        List<Entry> cases = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            int mean = weekend ? Math.max(1, perDay / 2) : perDay;
            int count = Math.max(0, mean - mean / 2 + random.nextInt(mean + 1)); // mean ± mean/2
            for (int i = 0; i < count; i++) {
                cases.add(new Entry(cases.size(), day, random.nextLong()));
            }
        }
        return new DemoHistoryPlan(first, List.copyOf(cases));
    }
}
