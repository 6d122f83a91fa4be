package org.civicgrid.grid.gazetteer;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * 逆地理编码 (reverse geocoding) — the nearest gazetteer address to a picked point: a stored door or landmark within
 * {@link #NEAR_POINT_M} wins; otherwise the nearest numbered road within {@code maxMeters}, with the door number
 * interpolated along its range (人民路63号); otherwise the nearest door or landmark within {@code maxMeters}.
 */
final class ReverseGeocoder {

    static final double NEAR_POINT_M = 30;
    private static final double METERS_PER_DEGREE = 111_320;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** The answer: what to write in the address field and how far the point is from it. */
    record Found(String name, PlaceKind kind, String address, double lat, double lon, double meters) {
    }

    private ReverseGeocoder() {
    }

    static Optional<Found> nearest(List<GazetteerEntry> entries, double lat, double lon, double maxMeters) {
        double scale = Math.cos(Math.toRadians(lat));
        Found point = null;
        Found road = null;
        for (GazetteerEntry e : entries) {
            if (e.kind() == PlaceKind.ROAD) {
                Found f = onRoad(e, lat, lon, scale);
                if (f != null && (road == null || f.meters() < road.meters())) {
                    road = f;
                }
            } else {
                double m = meters(lat, lon, e.lat(), e.lon(), scale);
                if (point == null || m < point.meters()) {
                    point = new Found(e.name(), e.kind(), e.address(), e.lat(), e.lon(), m);
                }
            }
        }
        if (point != null && point.meters() <= NEAR_POINT_M) {
            return Optional.of(point);
        }
        if (road != null && road.meters() <= maxMeters) {
            return Optional.of(road);
        }
        return Optional.ofNullable(point).filter(p -> p.meters() <= maxMeters);
    }

    private static Found onRoad(GazetteerEntry road, double lat, double lon, double scale) {
        LineString line = road.line();
        if (line == null) {
            return null;
        }
        Coordinate[] scaled = line.getCoordinates().clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = new Coordinate(scaled[i].x * scale, scaled[i].y);
        }
        LineString metric = GEOMETRY.createLineString(scaled);
        LengthIndexedLine indexed = new LengthIndexedLine(metric);
        double along = indexed.project(new Coordinate(lon * scale, lat));
        Coordinate at = indexed.extractPoint(along);
        double m = Math.hypot(at.x - lon * scale, at.y - lat) * METERS_PER_DEGREE;
        double fraction = metric.getLength() == 0 ? 0 : along / metric.getLength();
        String name = road.name();
        if (road.numberFrom() != null && road.numberTo() != null) {
            int number = (int) Math.round(road.numberFrom() + fraction * (road.numberTo() - road.numberFrom()));
            name = DoorQuery.label(road.name(), Math.max(1, number));
        }
        return new Found(name, PlaceKind.ROAD, road.address(), at.y, at.x / scale, m);
    }

    private static double meters(double lat1, double lon1, double lat2, double lon2, double scale) {
        return Math.hypot((lon2 - lon1) * scale, lat2 - lat1) * METERS_PER_DEGREE;
    }
}
