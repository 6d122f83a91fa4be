package org.civicgrid.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.civicgrid.calendar.LimitUnit;
import org.civicgrid.calendar.TimeLimit;
import org.civicgrid.calendar.WorkingCalendar;
import org.civicgrid.calendar.WorkingPeriod;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The working calendar's deadline arithmetic ({@link WorkingCalendar#deadline(Instant, TimeLimit)} and
 * {@link WorkingCalendar#clockTime(Instant, Instant, LimitUnit)}) on a realistic calendar: the default working
 * periods 08:00–12:00 and 14:00–18:00, Saturday/Sunday weekend, and China's 2026 statutory holidays and 调休
 * make-up working days, in Asia/Shanghai.
 *
 * <p>Each call takes the next of 1,024 start instants drawn uniformly over 2026 with a fixed seed, so the figures
 * average over weekdays, weekends, nights, holidays and make-up days instead of one lucky start.
 *
 * <p>This class reports the average time (ns/op); its nested {@link Throughput} runs the same benchmarks as
 * throughput (ops/s). JMH applies one output time unit per class, hence two classes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class DeadlineBenchmark {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int STARTS = 1024; // a power of two: the cursor wraps with a mask
    static final long SEED = 20260101L;

    WorkingCalendar calendar;
    Instant[] starts;
    Instant[] starts30DaysLater;
    TimeLimit fourWorkHours;
    TimeLimit fiveWorkDays;
    TimeLimit twentyWorkDays;
    TimeLimit twoUrgentHours;
    int cursor;

    @Setup
    public void setUp() {
        calendar = china2026();
        fourWorkHours = TimeLimit.parse("4工作时");
        fiveWorkDays = TimeLimit.parse("5工作日");
        twentyWorkDays = TimeLimit.parse("20工作日");
        twoUrgentHours = TimeLimit.parse("2紧急工作时");

        long from = LocalDate.of(2026, 1, 1).atStartOfDay(ZONE).toEpochSecond();
        long to = LocalDate.of(2027, 1, 1).atStartOfDay(ZONE).toEpochSecond();
        Random random = new Random(SEED);
        starts = new Instant[STARTS];
        starts30DaysLater = new Instant[STARTS];
        for (int i = 0; i < STARTS; i++) {
            starts[i] = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
            starts30DaysLater[i] = starts[i].plus(Duration.ofDays(30));
        }
        cursor = 0;

        // Guard the fixture (not a speed goal): 国庆 2026 is Oct 1–7 with Sat Oct 10 a make-up day, so
        // Wed Sep 30 10:00 + 5工作日 (40 h) = 6 h + Oct 8, 9, 10, 12 (32 h) + 2 h = Tue Oct 13 10:00.
        Instant start = LocalDateTime.of(2026, 9, 30, 10, 0).atZone(ZONE).toInstant();
        Instant expected = LocalDateTime.of(2026, 10, 13, 10, 0).atZone(ZONE).toInstant();
        Instant actual = calendar.deadline(start, fiveWorkDays);
        if (!actual.equals(expected)) {
            throw new IllegalStateException("calendar fixture is wrong: " + start + " + 5工作日 gave " + actual + ", expected " + expected);
        }
    }

    private int next() {
        return cursor++ & (STARTS - 1);
    }

    @Benchmark
    public Instant deadline4WorkHours() {
        return calendar.deadline(starts[next()], fourWorkHours);
    }

    @Benchmark
    public Instant deadline5WorkDays() {
        return calendar.deadline(starts[next()], fiveWorkDays);
    }

    @Benchmark
    public Instant deadline20WorkDays() {
        return calendar.deadline(starts[next()], twentyWorkDays);
    }

    @Benchmark
    public Instant deadline2UrgentHours() {
        return calendar.deadline(starts[next()], twoUrgentHours);
    }

    @Benchmark
    public Duration clockTime30DaysWorkHours() {
        int i = next();
        return calendar.clockTime(starts[i], starts30DaysLater[i], LimitUnit.WORK_HOUR);
    }

    /** The same benchmarks, reported as throughput in operations per second. */
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public static class Throughput extends DeadlineBenchmark {
    }

    /** China's 2026 working calendar: statutory holidays and 调休 make-up working days (weekend dates worked). */
    static WorkingCalendar china2026() {
        Set<LocalDate> holidays = new HashSet<>();
        holidays.addAll(days(2026, 1, 1, 3));     // 元旦
        holidays.addAll(days(2026, 2, 15, 23));   // 春节
        holidays.addAll(days(2026, 4, 4, 6));     // 清明节
        holidays.addAll(days(2026, 5, 1, 5));     // 劳动节
        holidays.addAll(days(2026, 6, 19, 21));   // 端午节
        holidays.addAll(days(2026, 9, 25, 27));   // 中秋节
        holidays.addAll(days(2026, 10, 1, 7));    // 国庆节
        Set<LocalDate> makeUpDays = Set.of(
                LocalDate.of(2026, 1, 4),
                LocalDate.of(2026, 2, 14),
                LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 5, 9),
                LocalDate.of(2026, 9, 20),
                LocalDate.of(2026, 10, 10));
        return new WorkingCalendar(WorkingPeriod.DEFAULTS, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays, makeUpDays, ZONE);
    }

    private static List<LocalDate> days(int year, int month, int firstDay, int lastDay) {
        LocalDate first = LocalDate.of(year, month, firstDay);
        return first.datesUntil(LocalDate.of(year, month, lastDay).plusDays(1)).toList();
    }
}
