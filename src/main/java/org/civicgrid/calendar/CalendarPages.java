package org.civicgrid.calendar;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 工作日历页 — {@code /admin/calendar}: one year's holidays and 调休 make-up working days with forms to mark and
 * unmark dates, and the working periods (admins).
 */
@Path("/admin/calendar")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class CalendarPages {

    /** A marked date as the page lists it; weekday 1 (Monday) to 7 (Sunday). */
    public record DayRow(String day, int weekday, CalendarDayKind kind, String name) {
    }

    /** The year shown: its marked dates, how many working days it has and how the working day is set up. */
    public record YearView(int year, int previousYear, int nextYear, List<DayRow> days, long workingDays, List<Integer> weekend,
            String dayHours, List<CalendarDayKind> kinds, List<LimitUnit> units) {
    }

    /** What the admin typed, shown again with the error when it was refused. */
    public record Entry(String day, String kind, String name, String periods, String error, String errorField) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance year(YearView view, Entry entry, boolean saved);
    }

    private final Calendars calendars;
    private final CalendarRegistry registry;

    CalendarPages(Calendars calendars, CalendarRegistry registry) {
        this.calendars = calendars;
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance year(@RestQuery String year, @RestQuery String saved) {
        int shown = registry.year(year);
        return Templates.year(view(shown), new Entry("", "HOLIDAY", "", periodsText(), null, null), saved != null);
    }

    @POST
    @Path("days")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response putDay(@RestForm String day, @RestForm String kind, @RestForm String name) {
        try {
            CalendarDay saved = registry.putDay(day, kind, name);
            return savedIn(saved.date().getYear());
        } catch (Problem problem) {
            return redisplay(yearOf(day), new Entry(day, kind, name, periodsText(), problem.getMessage(), problem.field()), problem);
        }
    }

    @POST
    @Path("days/{day}/delete")
    @Produces(MediaType.TEXT_HTML)
    public Response removeDay(@PathParam("day") String day) {
        registry.removeDay(day);
        return savedIn(CalendarRegistry.date(day).getYear());
    }

    @POST
    @Path("working-periods")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response setWorkingPeriods(@RestForm String periods, @RestForm String year) {
        int shown = registry.year(year);
        try {
            registry.setWorkingPeriods(Arrays.stream((periods == null ? "" : periods).split("[,，;；\\s]+"))
                    .filter(p -> !p.isBlank()).toList());
            return savedIn(shown);
        } catch (Problem problem) {
            return redisplay(shown, new Entry("", "HOLIDAY", "", periods, problem.getMessage(), problem.field()), problem);
        }
    }

    @Transactional
    Response redisplay(int year, Entry entry, Problem problem) {
        return Response.status(problem.status()).entity(Templates.year(view(year), entry, false)).build();
    }

    private YearView view(int year) {
        WorkingCalendar calendar = calendars.current();
        List<DayRow> days = CalendarDay.inYear(year).stream()
                .map(d -> new DayRow(d.day, d.date().getDayOfWeek().getValue(), d.kind, d.name)).toList();
        LocalDate first = LocalDate.of(year, 1, 1);
        long workingDays = first.datesUntil(first.plusYears(1)).filter(calendar::isWorkingDay).count();
        List<Integer> weekend = calendars.weekend().stream().map(DayOfWeek::getValue).toList();
        String hours = BigDecimal.valueOf(calendar.workingDayLength().toMinutes())
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return new YearView(year, year - 1, year + 1, days, workingDays, weekend, hours, List.of(CalendarDayKind.values()),
                List.of(LimitUnit.values()));
    }

    private String periodsText() {
        return calendars.current().workingPeriods().stream().map(WorkingPeriod::toString).collect(Collectors.joining(","));
    }

    /** The year of the date typed, or this year when it is no date. */
    private int yearOf(String day) {
        try {
            return CalendarRegistry.date(day).getYear();
        } catch (Problem notADate) {
            return registry.year(null);
        }
    }

    private static Response savedIn(int year) {
        return Response.seeOther(URI.create("/admin/calendar?year=" + year + "&saved=1")).build();
    }

    /** The calendar sits with the other admin pages. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        @Override
        public List<NavItem> navItems() {
            return List.of(new NavItem("/admin/calendar", "nav_calendar", 930, Set.of(Role.ADMIN)));
        }
    }
}
