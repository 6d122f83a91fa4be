package org.civicgrid.collector;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.civicgrid.grid.WorkGrid;
import org.civicgrid.grid.WorkGrids;
import org.civicgrid.org.Role;
import org.civicgrid.org.Staff;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 巡查轨迹接口 — {@code GET /api/tracks?staffId=&day=} (shift leads and leaders): an inspector's points of one day,
 * their work grids, the unit grids the track went through and the distance walked.
 */
@Path("/api/tracks")
@RolesAllowed({Role.Names.SHIFT_LEAD, Role.Names.LEADER})
@Produces(MediaType.APPLICATION_JSON)
public class TrackApi {

    /** A day's track with its coverage of the inspector's work grids. */
    record DayTrack(long staffId, LocalDate day, List<PatrolTracks.TrackPoint> points, List<String> workGridCodes,
            List<String> visitedGridCodes, long distanceM) {
    }

    private final PatrolTracks tracks;
    private final WorkGrids workGrids;
    private final Clock clock;

    TrackApi(PatrolTracks tracks, WorkGrids workGrids, Clock clock) {
        this.tracks = tracks;
        this.workGrids = workGrids;
        this.clock = clock;
    }

    @GET
    @Transactional
    public DayTrack track(@RestQuery Long staffId, @RestQuery String day) {
        Staff staff = staffId == null ? null : Staff.findById(staffId);
        if (staff == null || !staff.has(Role.INSPECTOR)) {
            throw Problem.badRequest("staffId", "choose an inspector");
        }
        LocalDate date = TrackPages.day(day, clock);
        List<PatrolTracks.TrackPoint> points = tracks.day(staffId, date, clock.getZone());
        List<String> work = workGrids.of(staffId).stream().flatMap((WorkGrid w) -> w.gridCodes.stream()).distinct().sorted().toList();
        List<String> visited = points.stream().map(PatrolTracks.TrackPoint::gridCode).filter(Objects::nonNull).distinct().sorted().toList();
        return new DayTrack(staffId, date, points, work, visited, Math.round(distance(points)));
    }

    /** Metres along the track (haversine between successive points). */
    static double distance(List<PatrolTracks.TrackPoint> points) {
        double total = 0;
        for (int i = 1; i < points.size(); i++) {
            PatrolTracks.TrackPoint a = points.get(i - 1);
            PatrolTracks.TrackPoint b = points.get(i);
            double dLat = Math.toRadians(b.lat() - a.lat());
            double dLon = Math.toRadians(b.lon() - a.lon());
            double h = Math.pow(Math.sin(dLat / 2), 2)
                    + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
            total += 2 * 6_371_000 * Math.asin(Math.sqrt(h));
        }
        return total;
    }
}
