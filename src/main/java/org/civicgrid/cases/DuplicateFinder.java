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
        double radius = config.duplicateRadiusMeters();
        double dLat = radius / METERS_PER_DEGREE;
        double dLon = radius / (METERS_PER_DEGREE * Math.cos(Math.toRadians(report.lat)));
        Instant since = report.createdAt.minus(config.duplicateWindow());
        List<CaseFile> near = CaseFile.list("classCode = ?1 and id <> ?2 and duplicateOfId is null and createdAt >= ?3"
                + " and lat between ?4 and ?5 and lon between ?6 and ?7 and stage not in ?8 order by createdAt",
                report.classCode, report.id, since, report.lat - dLat, report.lat + dLat, report.lon - dLon, report.lon + dLon,
                List.of(CaseStage.CLOSED, CaseStage.DISCARDED));
        return near.stream().filter(c -> meters(report.lat, report.lon, c.lat, c.lon) <= radius).toList();
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
