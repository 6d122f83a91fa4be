package org.civicgrid.grid;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/** WKT 读写 — geometries as stored in the database: WGS84, x = longitude, y = latitude, SRID 4326. */
public final class Wkt {

    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private Wkt() {
    }

    public static Geometry read(String wkt) {
        try {
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("stored geometry is not valid WKT: " + e.getMessage(), e);
        }
    }

    public static String write(Geometry geometry) {
        return new WKTWriter().write(geometry);
    }
}
