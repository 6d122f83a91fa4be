package org.civicgrid.calendar;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 时限 — an amount of time in one {@link LimitUnit}, as filing standards write it: {@code 2紧急工作时},
 * {@code 4工作时}, {@code 1工作日}, {@code 3自然日}. Its end on the calendar is
 * {@link WorkingCalendar#deadline(java.time.Instant, TimeLimit)}.
 *
 * @param value how many units, 1 to {@value #MAX_VALUE}
 * @param unit how they are counted
 */
public record TimeLimit(int value, LimitUnit unit) {

    /** The largest value accepted (about 27 years in 自然日): larger numbers are typing mistakes. */
    public static final int MAX_VALUE = 9999;

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*(\\S+)");
    /** 小时 in a filing standard means 工作时 (the unit tables of real deployments write it both ways). */
    private static final Map<String, LimitUnit> CHINESE_WORDS = Map.of(
            LimitUnit.URGENT_HOUR.chineseName(), LimitUnit.URGENT_HOUR,
            LimitUnit.WORK_HOUR.chineseName(), LimitUnit.WORK_HOUR,
            "小时", LimitUnit.WORK_HOUR,
            LimitUnit.WORK_DAY.chineseName(), LimitUnit.WORK_DAY,
            LimitUnit.NATURAL_DAY.chineseName(), LimitUnit.NATURAL_DAY);

    public TimeLimit {
        if (unit == null) {
            throw new IllegalArgumentException("a time limit needs a unit");
        }
        if (value < 1 || value > MAX_VALUE) {
            throw new IllegalArgumentException("a time limit is 1 to " + MAX_VALUE + " units, not " + value);
        }
    }

    /**
     * Reads {@code 2紧急工作时}, {@code 4工作时}, {@code 4小时} (= 4工作时), {@code 1工作日}, {@code 3自然日} or the CSV
     * form {@code 2 work_hour}; spaces around and between are ignored.
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static TimeLimit parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw invalid(text, "write a whole number and a unit, e.g. 4工作时 or 2 work_hour");
        }
        String word = matcher.group(2);
        LimitUnit unit = CHINESE_WORDS.get(word);
        if (unit == null) {
            try {
                unit = LimitUnit.parse(word.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(text, "unknown unit '" + word + "'; use 紧急工作时, 工作时 (小时), 工作日, 自然日 or their CSV words");
            }
        }
        try {
            return new TimeLimit(Integer.parseInt(matcher.group(1)), unit);
        } catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage());
        }
    }

    /**
     * The same limit on a 24-hour duty calendar (值班): working units become wall-clock ones — 工作时 → 紧急工作时,
     * 工作日 → 自然日; wall-clock limits stay as they are.
     */
    public TimeLimit roundTheClock() {
        return switch (unit) {
            case WORK_HOUR -> new TimeLimit(value, LimitUnit.URGENT_HOUR);
            case WORK_DAY -> new TimeLimit(value, LimitUnit.NATURAL_DAY);
            case URGENT_HOUR, NATURAL_DAY -> this;
        };
    }

    /** The Chinese form, e.g. {@code 4工作时}; {@link #parse(String)} reads it back. */
    @Override
    public String toString() {
        return value + unit.chineseName();
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("'" + text + "' is not a time limit: " + why);
    }
}
