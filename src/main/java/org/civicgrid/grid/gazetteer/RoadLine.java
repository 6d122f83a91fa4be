package org.civicgrid.grid.gazetteer;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * 道路中线 (road line) — a road's centre line in WGS84 ({@code x} = lon, {@code y} = lat) and door-number
 * interpolation along it (linear referencing). Lengths are measured with longitude scaled by cos(latitude), so a
 * fraction of the length is a fraction of the metres, not of the degrees.
 */
final class RoadLine {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private RoadLine() {
    }

    /** Reads WKT {@code LINESTRING (lon lat, …)} or plain {@code lon lat,lon lat,…}; at least two points. */
    static LineString parse(String text) {
        String trimmed = text.trim();
        if (Character.isLetter(trimmed.charAt(0))) {
            try {
                Geometry g = new WKTReader(GEOMETRY).read(trimmed);
                if (g instanceof LineString line && line.getNumPoints() >= 2) {
                    return line;
                }
            } catch (ParseException e) {
                throw new IllegalArgumentException("unreadable WKT: " + e.getMessage());
            }
            throw new IllegalArgumentException("use a LINESTRING of at least two points");
        }
        List<Coordinate> points = new ArrayList<>();
        for (String pair : trimmed.split("[,;]")) {
            String[] xy = pair.trim().split("\\s+");
            if (xy.length != 2) {
                throw new IllegalArgumentException("write points as 'lon lat,lon lat', not '" + pair.trim() + "'");
            }
            points.add(new Coordinate(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
        }
        if (points.size() < 2) {
            throw new IllegalArgumentException("a line needs at least two points");
        }
        return GEOMETRY.createLineString(points.toArray(Coordinate[]::new));
    }

    static String wkt(LineString line) {
        return new WKTWriter().write(line);
    }

    /** A line built from points {@code {lat, lon}}. */
    static LineString of(List<double[]> latLons) {
        return GEOMETRY.createLineString(latLons.stream().map(p -> new Coordinate(p[1], p[0])).toArray(Coordinate[]::new));
    }

    /** Where a door number lies along a numbered range, 0 at {@code from} and 1 at {@code to}; empty outside it. */
    static OptionalDouble fraction(int number, Integer from, Integer to) {
        if (from == null || to == null || number < Math.min(from, to) || number > Math.max(from, to)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(from.equals(to) ? 0.5 : (double) (number - from) / (to - from));
    }

    /** The point {@code {lat, lon}} at a fraction (0–1) of the line's length. */
    static double[] at(LineString line, double fraction) {
        double scale = Math.cos(Math.toRadians(line.getCentroid().getY()));
        Coordinate[] scaled = line.getCoordinates().clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = new Coordinate(scaled[i].x * scale, scaled[i].y);
        }
        LineString metric = GEOMETRY.createLineString(scaled);
        Coordinate c = new LengthIndexedLine(metric).extractPoint(Math.max(0, Math.min(1, fraction)) * metric.getLength());
        return new double[] {c.y, c.x / scale};
    }
}
