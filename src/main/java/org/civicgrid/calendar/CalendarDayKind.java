package org.civicgrid.calendar;

/** 日历日类型 — what a marked date is: a day off although it may be a weekday, or a working day on a weekend. */
public enum CalendarDayKind {
    /** 放假 — a statutory holiday, a day off. */
    HOLIDAY,
    /** 调休上班 — a make-up working day on a weekend date. */
    WORKDAY
}
