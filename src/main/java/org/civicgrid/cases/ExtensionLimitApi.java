package org.civicgrid.cases;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.calendar.TimeLimit;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;

/**
 * 延期限制接口 — {@code /api/extension-limits}: the 延期 limits of the site (no {@code classRef}) and of single
 * classes; an admin sets one with {@code PUT} (the row of that class, or the site's, is replaced).
 */
@Path("/api/extension-limits")
@Authenticated
public class ExtensionLimitApi {

    /** One row as the API shows and takes it. */
    public record LimitRow(String classRef, Integer maxCount, String maxTotal, Integer leaderAfterCount, String leaderAfterTotal) {

        static LimitRow of(ExtensionLimit l) {
            return new LimitRow(l.classRef, l.maxCount, l.maxTotal, l.leaderAfterCount, l.leaderAfterTotal);
        }
    }

    @GET
    public List<LimitRow> list() {
        return ExtensionLimit.allOrdered().stream().map(LimitRow::of).toList();
    }

    @PUT
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    @SingleWriter
    public LimitRow put(LimitRow row) {
        if (row == null) {
            throw Problem.badRequest(null, "send {classRef?, maxCount, maxTotal, leaderAfterCount, leaderAfterTotal}");
        }
        String classRef = row.classRef() == null || row.classRef().isBlank() ? null : CaseClasses.find(row.classRef())
                .orElseThrow(() -> Problem.badRequest("classRef", "unknown class '" + row.classRef() + "'")).ref;
        ExtensionLimit l = (classRef == null ? ExtensionLimit.<ExtensionLimit>find("classRef is null")
                : ExtensionLimit.<ExtensionLimit>find("classRef", classRef)).firstResultOptional().orElseGet(ExtensionLimit::new);
        l.classRef = classRef;
        l.maxCount = count("maxCount", row.maxCount());
        l.maxTotal = limit("maxTotal", row.maxTotal());
        l.leaderAfterCount = count("leaderAfterCount", row.leaderAfterCount());
        l.leaderAfterTotal = limit("leaderAfterTotal", row.leaderAfterTotal());
        l.persist();
        return LimitRow.of(l);
    }

    private static int count(String field, Integer value) {
        if (value == null || value < 0 || value > 99) {
            throw Problem.badRequest(field, "a whole number from 0 to 99");
        }
        return value;
    }

    private static String limit(String field, String text) {
        try {
            return TimeLimit.parse(text).toString();
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(field, "write a time like 5工作日 or 48紧急工作时");
        }
    }
}
