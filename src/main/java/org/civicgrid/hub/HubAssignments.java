package org.civicgrid.hub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.civicgrid.sync.SyncProtocol;
import org.civicgrid.web.Problem;

/** 上级交办 on the hub — gives a case to a site and hands the site its new assignments when it asks. */
@ApplicationScoped
public class HubAssignments {

    private final Clock clock;

    HubAssignments(Clock clock) {
        this.clock = clock;
    }

    /** Body of {@code POST /api/hub/assignments}. */
    public record NewAssignment(String siteId, String description, String address, Double lat, Double lon, String classCode, Instant dueAt) {
    }

    @Transactional
    public HubAssignment assign(NewAssignment in, String by) {
        if (in == null || in.siteId() == null || HubSite.findById(in.siteId()) == null) {
            throw Problem.badRequest("siteId", "a site registered on this hub");
        }
        if (in.description() == null || in.description().isBlank() || in.description().length() > 4000) {
            throw Problem.badRequest("description", "describe the problem (at most 4000 characters)");
        }
        if (in.lat() == null || in.lon() == null || Math.abs(in.lat()) > 90 || Math.abs(in.lon()) > 180) {
            throw Problem.badRequest("lat", "the position (WGS84 lat, lon) is required");
        }
        if (in.address() != null && in.address().length() > 300) {
            throw Problem.badRequest("address", "at most 300 characters");
        }
        if (in.classCode() != null && in.classCode().length() > 24) {
            throw Problem.badRequest("classCode", "at most 24 characters");
        }
        Instant now = clock.instant();
        if (in.dueAt() == null || !in.dueAt().isAfter(now)) {
            throw Problem.badRequest("dueAt", "the deadline, in the future");
        }
        HubAssignment a = new HubAssignment();
        a.siteId = in.siteId();
        a.description = in.description().trim();
        a.address = in.address();
        a.lat = in.lat();
        a.lon = in.lon();
        a.classCode = in.classCode() == null || in.classCode().isBlank() ? null : in.classCode().trim();
        a.dueAt = in.dueAt();
        a.createdBy = by;
        a.createdAt = now;
        a.persist();
        return a;
    }

    /** The site's assignments with an id above {@code after}, oldest first, at most 100. */
    public List<SyncProtocol.Assignment> forSite(String siteId, long after) {
        return HubAssignment.<HubAssignment>find("siteId = ?1 and id > ?2 order by id", siteId, after).page(0, 100).list().stream()
                .map(a -> new SyncProtocol.Assignment(a.id, a.description, a.address, a.lat, a.lon, a.classCode, a.dueAt, a.createdAt))
                .toList();
    }
}
