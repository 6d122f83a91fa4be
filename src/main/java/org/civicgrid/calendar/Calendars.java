package org.civicgrid.calendar;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.appliance.SiteSetting;
import org.jboss.logging.Logger;

/**
 * 日历 — the site's current {@link WorkingCalendar}, the one entry point other features inject: built from the store
 * (holidays and 调休 days in {@code calendar_day}, working periods in the site setting {@value #WORKING_PERIODS},
 * weekend from {@link CalendarConfig}) in the site's zone ({@code civicgrid.time-zone}), cached, and rebuilt on the
 * next call after an admin change has been committed. Safe to call on every case action, inside a transaction or not.
 */
@ApplicationScoped
public class Calendars {

    /** Site setting holding the working periods, written {@code 08:00-12:00,14:00-18:00}. */
    public static final String WORKING_PERIODS = "calendar.working-periods";
    private static final Logger LOG = Logger.getLogger(Calendars.class);

    /** Fired by every admin change of the calendar; observed once its transaction has ended. */
    record Changed() {
    }

    private record Snapshot(long version, WorkingCalendar calendar) {
    }

    private final CalendarConfig config;
    private final ZoneId zone;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(-1, null);

    Calendars(CalendarConfig config, ApplianceConfig appliance) {
        this.config = config;
        this.zone = ZoneId.of(appliance.timeZone());
    }

    /** The calendar as the admin has set it up now. */
    public WorkingCalendar current() {
        long version = changes.get();
        Snapshot seen = snapshot;
        if (seen.version() == version) {
            return seen.calendar();
        }
        WorkingCalendar calendar = QuarkusTransaction.joiningExisting().call(this::load);
        snapshot = new Snapshot(version, calendar);
        return calendar;
    }

    /** The site's time zone, in which working periods and dates are read. */
    public ZoneId zone() {
        return zone;
    }

    /** After commit or rollback alike: a calendar read meanwhile may hold uncommitted rows, so always rebuild. */
    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) Changed change) {
        changes.incrementAndGet();
    }

    Set<DayOfWeek> weekend() {
        return config.weekend().isEmpty() ? Set.of() : EnumSet.copyOf(config.weekend());
    }

    /** The stored working periods, or the configured default while none are stored (or the stored text is broken). */
    List<WorkingPeriod> workingPeriods() {
        String stored = SiteSetting.get(WORKING_PERIODS).orElse(null);
        if (stored != null) {
            try {
                return WorkingPeriod.parseList(stored);
            } catch (IllegalArgumentException e) {
                LOG.errorf("site setting %s is unusable (%s); using the default %s", WORKING_PERIODS, e.getMessage(), config.workingPeriods());
            }
        }
        return WorkingPeriod.parseList(config.workingPeriods());
    }

    private WorkingCalendar load() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUpDays = new HashSet<>();
        for (CalendarDay day : CalendarDay.allOrdered()) {
            (day.kind == CalendarDayKind.HOLIDAY ? holidays : makeUpDays).add(day.date());
        }
        return new WorkingCalendar(workingPeriods(), weekend(), holidays, makeUpDays, zone);
    }
}
