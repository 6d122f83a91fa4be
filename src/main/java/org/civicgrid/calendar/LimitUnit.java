package org.civicgrid.calendar;

import java.util.Locale;

/**
 * 时限单位 — how a time limit is counted (DOMAIN.md §4). Working units count only the working periods of working
 * days; the others count wall-clock time, nights, weekends and holidays included.
 */
public enum LimitUnit {
    /** 紧急工作时 — wall-clock hours, nights and holidays included. */
    URGENT_HOUR("urgent_hour", "紧急工作时"),
    /** 工作时 — hours inside the working periods of working days only. */
    WORK_HOUR("work_hour", "工作时"),
    /** 工作日 — N working days = N × the working hours of one working day. */
    WORK_DAY("work_day", "工作日"),
    /** 自然日 — N × 24 wall-clock hours. */
    NATURAL_DAY("natural_day", "自然日");

    private final String code;
    private final String chineseName;

    LimitUnit(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    /** The unit word of CSV files and the API: {@code urgent_hour}, {@code work_hour}, {@code work_day}, {@code natural_day}. */
    public String code() {
        return code;
    }

    /** The unit as written in filing standards, e.g. {@code 工作时}. */
    public String chineseName() {
        return chineseName;
    }

    /** True when only working time counts (工作时, 工作日). */
    public boolean workingTime() {
        return this == WORK_HOUR || this == WORK_DAY;
    }

    /** The unit named by a CSV/API word ({@code work_hour}) or an enum name ({@code WORK_HOUR}), case-insensitive. */
    public static LimitUnit parse(String word) {
        String wanted = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        for (LimitUnit unit : values()) {
            if (unit.code.equals(wanted)) {
                return unit;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not a time limit unit: use urgent_hour, work_hour, work_day or natural_day");
    }
}
