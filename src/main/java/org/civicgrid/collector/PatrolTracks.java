package org.civicgrid.collector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.grid.GeoLocation;
import org.civicgrid.grid.Geocoder;
import org.civicgrid.web.Problem;

/**
 * 巡查轨迹 — stores the positions an on-duty collector posts (a backlog after a dead zone arrives as one batch; a
 * point already stored is skipped) and reads an inspector's track of one day.
 */
@ApplicationScoped
class PatrolTracks {

    /** One position as the phone sends it. */
    record Point(Double lat, Double lon, Double accuracy, Instant at) {
    }

    record Batch(List<Point> points) {
    }

    record Stored(int stored, int skipped) {
    }

    /** A point of a day's track. */
    record TrackPoint(Instant at, double lat, double lon, Double accuracy, String gridCode) {
    }

    private final Geocoder geocoder;
    private final CollectorConfig config;
    private final Clock clock;

    PatrolTracks(Geocoder geocoder, CollectorConfig config, Clock clock) {
        this.geocoder = geocoder;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    @SingleWriter
    Stored store(long staffId, Batch batch) {
        if (batch == null || batch.points() == null || batch.points().isEmpty()) {
            throw Problem.badRequest("points", "send {points: [{lat, lon, accuracy, at}]}");
        }
        if (batch.points().size() > config.maxTrackPoints()) {
            throw Problem.badRequest("points", "at most " + config.maxTrackPoints() + " points in one post");
        }
        Instant now = clock.instant();
        int stored = 0;
        for (int i = 0; i < batch.points().size(); i++) {
            Point p = batch.points().get(i);
            check(p, i, now);
            if (InspectorTrack.count("staffId = ?1 and at = ?2", staffId, p.at()) > 0) {
                continue;
            }
            GeoLocation where = geocoder.locate(p.lat(), p.lon());
            InspectorTrack t = new InspectorTrack();
            t.staffId = staffId;
            t.at = p.at();
            t.lat = p.lat();
            t.lon = p.lon();
            t.accuracyM = p.accuracy();
            t.gridCode = where.gridCode();
            t.receivedAt = now;
            t.persist();
            stored++;
        }
        return new Stored(stored, batch.points().size() - stored);
    }

    private void check(Point p, int i, Instant now) {
        String field = "points[" + i + "]";
        if (p == null || p.lat() == null || p.lon() == null || p.at() == null) {
            throw Problem.badRequest(field, "each point needs lat, lon and at");
        }
        if (Math.abs(p.lat()) > 90 || Math.abs(p.lon()) > 180) {
            throw Problem.badRequest(field, "lat/lon out of range");
        }
        if (p.at().isAfter(now.plusSeconds(300)) || p.at().isBefore(now.minus(config.maxTrackAge()))) {
            throw Problem.badRequest(field, "time " + p.at() + " is not within the last " + config.maxTrackAge().toHours() + " h");
        }
    }

    @Transactional
    List<TrackPoint> day(long staffId, LocalDate day, ZoneId zone) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return InspectorTrack.<InspectorTrack>list("staffId = ?1 and at >= ?2 and at < ?3 order by at", staffId, from, to).stream()
                .map(t -> new TrackPoint(t.at, t.lat, t.lon, t.accuracyM, t.gridCode)).toList();
    }
}
