package org.civicgrid.calendar;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.civicgrid.calendar.CalendarViews.CalendarView;
import org.civicgrid.calendar.CalendarViews.DayForm;
import org.civicgrid.calendar.CalendarViews.DayView;
import org.civicgrid.calendar.CalendarViews.DeadlineView;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 工作日历接口 — {@code /api/calendar}: everyone signed in reads the calendar and works out deadlines (the 立案条件
 * picker shows them); admins mark holidays and 调休 days and set the working periods.
 */
@Path("/api/calendar")
@Authenticated
public class CalendarApi {

    private final Calendars calendars;
    private final CalendarRegistry registry;
    private final Clock clock;

    CalendarApi(Calendars calendars, CalendarRegistry registry, Clock clock) {
        this.calendars = calendars;
        this.registry = registry;
        this.clock = clock;
    }

    /** The working periods, the weekend and the marked dates of a year (default: this year). */
    @GET
    public CalendarView get(@RestQuery String year) {
        int shown = registry.year(year);
        List<String> periods = calendars.current().workingPeriods().stream().map(WorkingPeriod::toString).toList();
        List<DayView> days = CalendarDay.inYear(shown).stream().map(DayView::of).toList();
        return new CalendarView(shown, periods, new ArrayList<>(calendars.weekend()), days);
    }

    @PUT
    @Path("days/{day}")
    @RolesAllowed(Role.Names.ADMIN)
    public DayView putDay(@PathParam("day") String day, DayForm form) {
        if (form == null) {
            throw Problem.badRequest(null, "send {kind: HOLIDAY|WORKDAY, name}");
        }
        return DayView.of(registry.putDay(day, form.kind(), form.name()));
    }

    @DELETE
    @Path("days/{day}")
    @RolesAllowed(Role.Names.ADMIN)
    public Response removeDay(@PathParam("day") String day) {
        registry.removeDay(day);
        return Response.noContent().build();
    }

    @PUT
    @Path("working-periods")
    @RolesAllowed(Role.Names.ADMIN)
    public List<String> setWorkingPeriods(List<String> periods) {
        return registry.setWorkingPeriods(periods).stream().map(WorkingPeriod::toString).toList();
    }

    /**
     * When a limit started at {@code start} runs out. {@code start}: an ISO instant ({@code 2026-09-30T08:00:00Z}),
     * an offset date-time ({@code 2026-09-30T16:00:00+08:00}; a '+' sent unencoded arrives as a space and is read
     * back) or a local date-time in the site's zone; now when absent. {@code limit}: e.g. {@code 4工作时}.
     */
    @GET
    @Path("deadline")
    public DeadlineView deadline(@RestQuery String start, @RestQuery String limit) {
        Instant from = start == null || start.isBlank() ? clock.instant() : instant(start);
        TimeLimit parsed;
        try {
            parsed = TimeLimit.parse(limit);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("limit", e.getMessage());
        }
        Instant deadline = calendars.current().deadline(from, parsed);
        return new DeadlineView(local(from), parsed.toString(), local(deadline));
    }

    private Instant instant(String raw) {
        String text = raw.trim().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(calendars.zone()).toInstant();
            } catch (DateTimeParseException notLocal) {
                throw Problem.badRequest("start", "'" + raw + "' is not an ISO date-time such as 2026-09-30T16:00:00+08:00");
            }
        }
    }

    private String local(Instant instant) {
        return instant.atZone(calendars.zone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
