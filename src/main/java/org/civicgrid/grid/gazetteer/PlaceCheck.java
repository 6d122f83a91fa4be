package org.civicgrid.grid.gazetteer;

import org.civicgrid.grid.Crs;
import java.util.Arrays;
import java.util.List;
import org.civicgrid.grid.gazetteer.PlaceViews.PlaceForm;
import org.civicgrid.web.Problem;
import org.locationtech.jts.geom.LineString;

/**
 * 地名校验 (place check) — checks one place field by field and turns it into WGS84: a road may carry a line and
 * a door-number range (then its point may be left empty and becomes the line's midpoint); other kinds carry
 * neither. A refused field is a 400 naming the CSV column.
 */
final class PlaceCheck {

    static final int MAX_NUMBER = 99999;

    private PlaceCheck() {
    }

    /** Fills {@code place} from a checked form whose coordinates are in {@code crs}. */
    static void apply(PlaceForm form, Crs crs, Place place) {
        PlaceKind kind = PlaceKind.parse("kind", form.kind());
        LineString line = line(kind, form.line(), crs);
        double[] point;
        if (form.lat() == null && form.lon() == null && line != null) {
            point = RoadLine.at(line, 0.5);
        } else {
            point = crs.toWgs84(coordinate("lat", form.lat(), 90), coordinate("lon", form.lon(), 180));
        }
        checkRange(kind, form.numberFrom(), form.numberTo());
        place.kind = kind;
        place.name = text("name", required("name", form.name()), 100);
        place.alias = text("alias", form.alias(), 300);
        place.address = text("address", form.address(), 200);
        place.lat = point[0];
        place.lon = point[1];
        place.line = line == null ? null : RoadLine.wkt(line);
        place.numberFrom = form.numberFrom();
        place.numberTo = form.numberTo();
        place.streetCode = code("street_code", form.streetCode(), 9);
        place.communityCode = code("community_code", form.communityCode(), 12);
    }

    private static LineString line(PlaceKind kind, String text, Crs crs) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (kind != PlaceKind.ROAD) {
            throw Problem.badRequest("line", "only a road has a line");
        }
        LineString line;
        try {
            line = RoadLine.parse(text);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("line", e.getMessage());
        }
        List<double[]> points = Arrays.stream(line.getCoordinates())
                .map(c -> crs.toWgs84(coordinate("line", c.y, 90), coordinate("line", c.x, 180))).toList();
        return RoadLine.of(points);
    }

    private static void checkRange(PlaceKind kind, Integer from, Integer to) {
        if (from == null && to == null) {
            return;
        }
        if (kind != PlaceKind.ROAD) {
            throw Problem.badRequest("number_from", "only a road has a door-number range");
        }
        if (from == null || to == null) {
            throw Problem.badRequest(from == null ? "number_from" : "number_to", "give both ends of the range");
        }
        if (Math.min(from, to) < 1 || Math.max(from, to) > MAX_NUMBER) {
            throw Problem.badRequest("number_from", "use door numbers from 1 to " + MAX_NUMBER);
        }
    }

    private static double coordinate(String field, Double value, double bound) {
        if (value == null) {
            throw Problem.badRequest(field, "required");
        }
        if (value.isNaN() || Math.abs(value) > bound) {
            throw Problem.badRequest(field, "out of range: " + value);
        }
        return value;
    }

    private static String code(String field, String value, int digits) {
        if (value != null && !value.matches("\\d{" + digits + "}")) {
            throw Problem.badRequest(field, "use " + digits + " digits");
        }
        return value;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest(field, "required");
        }
        return value.trim();
    }

    private static String text(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw Problem.badRequest(field, "at most " + max + " characters");
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
