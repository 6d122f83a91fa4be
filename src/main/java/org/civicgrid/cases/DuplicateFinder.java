package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * 重复案件 — open cases of the same class within the configured distance and time of a report (default 50 m and
 * 24 h), so the acceptor merges it instead of filing it twice.
 */
@ApplicationScoped
public class DuplicateFinder {

    private static final double EARTH_RADIUS_M = 6_371_000;
    private static final double METERS_PER_DEGREE = 111_320;

    private final CasesConfig config;

    DuplicateFinder(CasesConfig config) {
        this.config = config;
    }

    public List<CaseFile> candidates(CaseFile report) {
        if (report.classCode == null || report.lat == null || report.lon == null) {
            return List.of();
        }
        return near(report.classCode, report.lat, report.lon, report.createdAt, report.id);
    }

    /**
     * Open cases of this class within the configured distance of a point, reported within the configured time before
     * {@code at} — for a report not yet made (the hotline desk asks while the caller is still talking). {@code excludeId}
     * (may be null) is left out.
     */
    public List<CaseFile> near(String classCode, double lat, double lon, Instant at, Long excludeId) {
        double radius = config.duplicateRadiusMeters();
        double dLat = radius / METERS_PER_DEGREE;
        double dLon = radius / (METERS_PER_DEGREE * Math.cos(Math.toRadians(lat)));
        Instant since = at.minus(config.duplicateWindow());
        // the same problem in either code system: the class and its counterparts through the mapping
        List<String> classes = new java.util.ArrayList<>(org.civicgrid.catalog.ClassMapping.counterparts(classCode));
        classes.add(classCode);
        List<CaseFile> near = CaseFile.list("classCode in ?1 and id <> ?2 and duplicateOfId is null and createdAt >= ?3"
                + " and lat between ?4 and ?5 and lon between ?6 and ?7 and stage not in ?8 order by createdAt",
                classes, excludeId == null ? -1L : excludeId, since, lat - dLat, lat + dLat, lon - dLon, lon + dLon,
                List.of(CaseStage.CLOSED, CaseStage.DISCARDED));
        return near.stream().filter(c -> meters(lat, lon, c.lat, c.lon) <= radius).toList();
    }

    /** Great-circle distance in metres between two WGS84 points. */
    public static double distance(double lat1, double lon1, double lat2, double lon2) {
        return meters(lat1, lon1, lat2, lon2);
    }

    /** Great-circle distance in metres (haversine). */
    static double meters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
    }
}
