package org.civicgrid.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 工作日历 — which days are working days and which hours of them count, and the exact arithmetic of time limits on
 * it. A day is a working day when it is a make-up working day (调休上班), or else when it is neither a weekend day nor
 * a statutory holiday. Working time is the working periods (default 08:00–12:00, 14:00–18:00) of working days, in
 * the site's zone.
 *
 * <p>Pure and immutable: no CDI, no store; {@link Calendars#current()} builds the site's one from the admin's data.
 * Everything is computed on {@link Instant}s, period by period and day by day (never minute by minute):
 * <ul>
 * <li>{@link #deadline(Instant, TimeLimit)} — when a limit started at an instant runs out;</li>
 * <li>{@link #clockTime(Instant, Instant, LimitUnit)} — how much of a unit's clock ran between two instants (for
 *     the 80 %/100 % lights, and for the time left when a case is suspended, 挂账);</li>
 * <li>{@link #add(Instant, Duration, LimitUnit)} — the inverse: where that much clock time, counted from an instant,
 *     ends (resuming after 挂账 with the time left, adding a 延期).</li>
 * </ul>
 * Working units count from the next working period when they start outside working time, and end at the earliest
 * instant the time has run: 08:00 + 4工作时 is 12:00 the same day, not 14:00. 工作日 are counted as working hours
 * ({@code N ×} {@link #workingDayLength()}), so Monday 10:00 + 1工作日 is Tuesday 10:00; 自然日 are {@code N × 24 h}.
 */
public final class WorkingCalendar {

    /** The default weekend: Saturday and Sunday. */
    public static final Set<DayOfWeek> DEFAULT_WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private final List<WorkingPeriod> periods;
    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpDays;
    private final ZoneId zone;
    private final Duration dayLength;

    /**
     * @param periods the working periods of a working day, ascending, not overlapping, at least one
     * @param weekend the days of the week that are days off (fewer than seven)
     * @param holidays statutory holidays (days off, whatever the day of the week)
     * @param makeUpDays 调休 make-up working days (working days, usually weekend dates); none may be a holiday
     * @param zone the site's time zone
     */
    public WorkingCalendar(List<WorkingPeriod> periods, Set<DayOfWeek> weekend, Set<LocalDate> holidays, Set<LocalDate> makeUpDays,
            ZoneId zone) {
        this.periods = WorkingPeriod.checked(periods);
        this.weekend = Set.copyOf(weekend);
        if (this.weekend.size() == 7) {
            throw new IllegalArgumentException("a week needs at least one working day");
        }
        this.holidays = Set.copyOf(holidays);
        this.makeUpDays = Set.copyOf(makeUpDays);
        this.zone = Objects.requireNonNull(zone, "zone");
        for (LocalDate day : this.makeUpDays) {
            if (this.holidays.contains(day)) {
                throw new IllegalArgumentException(day + " cannot be both a holiday and a make-up working day");
            }
        }
        this.dayLength = this.periods.stream().map(WorkingPeriod::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** The default periods and weekend, no holidays: a start for tests and for a site whose admin has entered nothing. */
    public static WorkingCalendar standard(ZoneId zone) {
        return new WorkingCalendar(WorkingPeriod.DEFAULTS, DEFAULT_WEEKEND, Set.of(), Set.of(), zone);
    }

    public boolean isWorkingDay(LocalDate day) {
        return makeUpDays.contains(day) || !(weekend.contains(day.getDayOfWeek()) || holidays.contains(day));
    }

    /** True when the instant lies inside a working period (start inclusive, end exclusive) of a working day. */
    public boolean isWorkingTime(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        return isWorkingDay(day) && periods.stream().anyMatch(p -> !at.isBefore(at(day, p.start())) && at.isBefore(at(day, p.end())));
    }

    /** The working hours of one working day: the sum of the working periods (8 h by default). */
    public Duration workingDayLength() {
        return dayLength;
    }

    /** How much of its unit's clock a limit grants: hours for 紧急工作时/工作时, N working days' hours, N × 24 h. */
    public Duration allowance(TimeLimit limit) {
        return switch (limit.unit()) {
            case URGENT_HOUR, WORK_HOUR -> Duration.ofHours(limit.value());
            case WORK_DAY -> dayLength.multipliedBy(limit.value());
            case NATURAL_DAY -> Duration.ofDays(limit.value());
        };
    }

    /** When a limit started at {@code start} runs out. */
    public Instant deadline(Instant start, TimeLimit limit) {
        return add(start, allowance(limit), limit.unit());
    }

    /**
     * The clock time of a unit between two instants: working time for 工作时/工作日, wall-clock time otherwise;
     * {@link Duration#ZERO} when {@code to} is not after {@code from}.
     */
    public Duration clockTime(Instant from, Instant to, LimitUnit unit) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (!unit.workingTime()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                for (WorkingPeriod period : periods) {
                    Instant start = latest(at(day, period.start()), from);
                    Instant end = earliest(at(day, period.end()), to);
                    if (start.isBefore(end)) {
                        total = total.plus(Duration.between(start, end));
                    }
                }
            }
        }
        return total;
    }

    /**
     * The earliest instant at which {@code clockTime} of the unit's clock has run, counted from {@code start}: the
     * inverse of {@link #clockTime(Instant, Instant, LimitUnit)} ({@code add(s, clockTime(s, x, u), u) == x} for any
     * {@code x} inside working time). A zero amount gives {@code start} itself.
     *
     * @throws IllegalArgumentException for a negative amount
     */
    public Instant add(Instant start, Duration clockTime, LimitUnit unit) {
        if (clockTime.isNegative()) {
            throw new IllegalArgumentException("cannot add a negative time: " + clockTime);
        }
        if (clockTime.isZero() || !unit.workingTime()) {
            return start.plus(clockTime);
        }
        Duration remaining = clockTime;
        for (LocalDate day = LocalDate.ofInstant(start, zone); ; day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                Instant from = latest(at(day, period.start()), start);
                Instant to = at(day, period.end());
                if (from.isBefore(to)) {
                    Duration available = Duration.between(from, to);
                    if (remaining.compareTo(available) <= 0) {
                        return from.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
        }
    }

    public List<WorkingPeriod> workingPeriods() {
        return periods;
    }

    public Set<DayOfWeek> weekend() {
        return weekend;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public Set<LocalDate> makeUpDays() {
        return makeUpDays;
    }

    public ZoneId zone() {
        return zone;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
