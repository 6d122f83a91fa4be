package org.civicgrid.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civicgrid.appliance.SiteSetting;
import org.civicgrid.web.Problem;

/**
 * 日历管理 — the admin's changes to the calendar: marking a date as holiday or 调休 make-up working day, unmarking
 * it, and setting the working periods. Each field is checked once here for the API and the admin page; every change
 * tells {@link Calendars} to rebuild once it is committed.
 */
@ApplicationScoped
public class CalendarRegistry {

    static final int NAME_MAX = 100;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final Calendars calendars;
    private final Event<Calendars.Changed> changed;
    private final Clock clock;

    CalendarRegistry(Calendars calendars, Event<Calendars.Changed> changed, Clock clock) {
        this.calendars = calendars;
        this.changed = changed;
        this.clock = clock;
    }

    /** Marks a date (adding or replacing its entry); a make-up working day must fall on a weekend day. */
    @Transactional
    public CalendarDay putDay(String rawDay, String rawKind, String rawName) {
        LocalDate date = date(rawDay);
        CalendarDayKind kind = kind(rawKind);
        String name = rawName == null || rawName.isBlank() ? null : rawName.trim();
        if (name != null && name.length() > NAME_MAX) {
            throw Problem.badRequest("name", "at most " + NAME_MAX + " characters");
        }
        if (kind == CalendarDayKind.WORKDAY && !calendars.weekend().contains(date.getDayOfWeek())) {
            throw Problem.badRequest("kind", date + " is a " + date.getDayOfWeek().name().toLowerCase(Locale.ROOT)
                    + ", a working day anyway: only weekend dates can be make-up working days");
        }
        CalendarDay day = CalendarDay.on(date).orElseGet(CalendarDay::new);
        day.day = date.toString();
        day.kind = kind;
        day.name = name;
        day.persist();
        changed.fire(new Calendars.Changed());
        return day;
    }

    /** Unmarks a date: it becomes an ordinary weekday or weekend day again. */
    @Transactional
    public void removeDay(String rawDay) {
        LocalDate date = date(rawDay);
        CalendarDay day = CalendarDay.on(date).orElseThrow(() -> Problem.notFound("calendar day " + date));
        day.delete();
        changed.fire(new Calendars.Changed());
    }

    /** Sets the working periods of every working day, e.g. {@code ["08:00-12:00", "14:00-18:00"]}. */
    @Transactional
    public List<WorkingPeriod> setWorkingPeriods(List<String> texts) {
        if (texts == null) {
            throw Problem.badRequest("workingPeriods", "send a list like [\"08:00-12:00\", \"14:00-18:00\"]");
        }
        List<WorkingPeriod> periods = new ArrayList<>();
        try {
            for (String text : texts) {
                periods.add(WorkingPeriod.parse(text));
            }
            periods = WorkingPeriod.checked(periods);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("workingPeriods", e.getMessage());
        }
        String value = periods.stream().map(WorkingPeriod::toString).collect(Collectors.joining(","));
        SiteSetting.put(Calendars.WORKING_PERIODS, value, clock.instant());
        changed.fire(new Calendars.Changed());
        return periods;
    }

    /** A date written yyyy-MM-dd, or a 400 naming the field {@code day}. */
    static LocalDate date(String raw) {
        String text = raw == null ? "" : raw.trim();
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below with the same message as any other malformed date
        }
        throw Problem.badRequest("day", "'" + raw + "' is not a date written yyyy-MM-dd");
    }

    /** A four-digit year, the current one when none is given, or a 400 naming the field {@code year}. */
    int year(String raw) {
        if (raw == null || raw.isBlank()) {
            return LocalDate.now(clock.withZone(calendars.zone())).getYear();
        }
        if (!YEAR.matcher(raw.trim()).matches()) {
            throw Problem.badRequest("year", "'" + raw + "' is not a four-digit year");
        }
        return Integer.parseInt(raw.trim());
    }

    private static CalendarDayKind kind(String raw) {
        String text = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        for (CalendarDayKind kind : CalendarDayKind.values()) {
            if (kind.name().equals(text)) {
                return kind;
            }
        }
        throw Problem.badRequest("kind", "'" + (raw == null ? "" : raw) + "' is not HOLIDAY or WORKDAY");
    }
}
