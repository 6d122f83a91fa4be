package org.civicgrid.calendar;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 工作日历文字 — texts of the calendar admin page ({@code messages/cal_zh.properties}). */
@MessageBundle(value = "cal")
public interface CalendarMessages {
    @Message String title();
    @Message String intro();
    @Message String unverified();
    @Message String yearHeading(int year);
    @Message String workingDays(int year, long n);
    @Message String date();
    @Message String weekday();
    @Message String kind();
    @Message String name();
    @Message String nameHint();
    @Message String kindName(CalendarDayKind kind);
    @Message String weekdayName(int day);
    @Message String noDays();
    @Message String addDay();
    @Message String dayHint();
    @Message String remove();
    @Message String periodsTitle();
    @Message String periodsHint();
    @Message String dayLength(String hours);
    @Message String weekend();
    @Message String weekendHint();
    @Message String unitsTitle();
    @Message String unitName(LimitUnit unit);
    @Message String unitHint(LimitUnit unit);
}
