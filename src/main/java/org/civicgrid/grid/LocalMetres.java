package org.civicgrid.grid;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * 局部平面量算 — metres on the ground for lon/lat geometries the size of a county: an equirectangular projection at
 * the geometry's own latitude (error well under 0.1 % within a few tens of kilometres), enough for grid areas,
 * sliver thresholds and "nearest" distances.
 */
public final class LocalMetres {

    public static final double PER_DEGREE_LAT = 110_574.0;
    private static final double PER_DEGREE_LON_AT_EQUATOR = 111_320.0;

    private LocalMetres() {
    }

    public static double perDegreeLon(double lat) {
        return PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat));
    }

    /** Area of a lon/lat polygon in square metres. */
    public static double area(Geometry geometry) {
        if (geometry.isEmpty()) {
            return 0;
        }
        double lat = geometry.getEnvelopeInternal().centre().y;
        return geometry.getArea() * perDegreeLon(lat) * PER_DEGREE_LAT;
    }

    /** Distance in metres between two nearby points. */
    public static double distance(double lat1, double lon1, double lat2, double lon2) {
        double dx = (lon2 - lon1) * perDegreeLon((lat1 + lat2) / 2);
        double dy = (lat2 - lat1) * PER_DEGREE_LAT;
        return Math.hypot(dx, dy);
    }

    /** The number of degrees of latitude and longitude that {@code metres} span at {@code lat}. */
    public static Coordinate degrees(double metres, double lat) {
        return new Coordinate(metres / perDegreeLon(lat), metres / PER_DEGREE_LAT);
    }
}
