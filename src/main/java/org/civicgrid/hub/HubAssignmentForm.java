package org.civicgrid.hub;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The 上级交办 form of {@code /hub} as sent (texts, to show them again when refused); {@link #toAssignment} reads it
 * into the API's {@link HubAssignments.NewAssignment}, whose checks are {@link HubAssignments#assign}'s.
 */
public class HubAssignmentForm {
    @RestForm public String siteId;
    @RestForm public String description;
    @RestForm public String address;
    @RestForm public String lat;
    @RestForm public String lon;
    @RestForm public String classCode;
    /** {@code datetime-local}: 2026-12-08T18:00, in the hub's time zone. */
    @RestForm public String dueAt;

    HubAssignments.NewAssignment toAssignment(ZoneId zone) {
        return new HubAssignments.NewAssignment(blankToNull(siteId), description, blankToNull(address), number(lat, "lat"), number(lon, "lon"),
                blankToNull(classCode), time(dueAt, zone));
    }

    private static Double number(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest(field, "not a number: " + s.trim());
        }
    }

    private static java.time.Instant time(String s, ZoneId zone) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("dueAt", "write the date and time like 2026-12-08T18:00");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
