package org.civicgrid.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 工作时段 — one stretch of working hours inside a working day, e.g. 08:00–12:00, written {@code 08:00-12:00}.
 *
 * @param start first instant of the period (inclusive)
 * @param end  end of the period (exclusive), after {@code start} on the same day
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    /** The default working periods: 08:00–12:00 and 14:00–18:00. */
    public static final List<WorkingPeriod> DEFAULTS = List.of(
            new WorkingPeriod(LocalTime.of(8, 0), LocalTime.of(12, 0)),
            new WorkingPeriod(LocalTime.of(14, 0), LocalTime.of(18, 0)));

    private static final Pattern TEXT = Pattern.compile("(([01]\\d|2[0-3]):[0-5]\\d)\\s*-\\s*(([01]\\d|2[0-3]):[0-5]\\d)");

    public WorkingPeriod {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new IllegalArgumentException("a working period starts before it ends: " + start + "-" + end);
        }
    }

    /** Reads {@code HH:mm-HH:mm}, e.g. {@code 08:00-12:00}. */
    public static WorkingPeriod parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a working period like 08:00-12:00 (HH:mm-HH:mm)");
        }
        LocalTime start = LocalTime.parse(matcher.group(1));
        LocalTime end = LocalTime.parse(matcher.group(3));
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("'" + text + "' ends before it starts");
        }
        return new WorkingPeriod(start, end);
    }

    /** Reads a list written {@code 08:00-12:00,14:00-18:00} and checks it with {@link #checked(List)}. */
    public static List<WorkingPeriod> parseList(String text) {
        List<WorkingPeriod> periods = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,，;；\\s]+")) {
            if (!part.isBlank()) {
                periods.add(parse(part));
            }
        }
        return checked(periods);
    }

    /** The periods as given, if there is at least one and each starts no earlier than the previous one ends. */
    public static List<WorkingPeriod> checked(List<WorkingPeriod> periods) {
        if (periods == null || periods.isEmpty()) {
            throw new IllegalArgumentException("give at least one working period, e.g. 08:00-12:00");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start.isBefore(periods.get(i - 1).end)) {
                throw new IllegalArgumentException("working periods must be in ascending order without overlap: "
                        + periods.get(i - 1) + " then " + periods.get(i));
            }
        }
        return List.copyOf(periods);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** {@code HH:mm-HH:mm}. */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
