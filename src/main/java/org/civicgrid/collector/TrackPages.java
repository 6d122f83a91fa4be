package org.civicgrid.collector;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.civicgrid.org.Role;
import org.civicgrid.org.Staff;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 巡查轨迹页 — {@code /tracks} (shift leads and leaders): an inspector's track of one day on the map against their work
 * grids (the data comes from {@link TrackApi}).
 */
@Path("/tracks")
@RolesAllowed({Role.Names.SHIFT_LEAD, Role.Names.LEADER})
public class TrackPages {

    /** The inspectors to choose from. */
    record Inspector(long id, String name, boolean selected) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tracks(List<Inspector> inspectors, String day);
    }

    private final Clock clock;

    TrackPages(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance page(@RestQuery Long staffId, @RestQuery String day) {
        List<Inspector> inspectors = Staff.allOrdered().stream().filter(s -> s.active && s.has(Role.INSPECTOR))
                .map(s -> new Inspector(s.id, s.displayName, s.id.equals(staffId))).toList();
        return Templates.tracks(inspectors, day(day, clock).toString());
    }

    static LocalDate day(String day, Clock clock) {
        if (day == null || day.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(day.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("day", "use yyyy-MM-dd");
        }
    }
}
