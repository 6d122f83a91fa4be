package org.civicgrid.grid;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** GeoJSON 几何读取 — one GeoJSON geometry object (WGS84 lon/lat) read with JTS' reader into SRID 4326. */
public final class GeoJsonGeometries {

    private GeoJsonGeometries() {
    }

    /**
     * The geometry of a feature's {@code geometry} member; {@link IllegalArgumentException} with a sentence a person can act
     * on when it is missing, not GeoJSON, or outside the range of longitude/latitude degrees.
     */
    public static Geometry read(JsonNode geometry) {
        if (geometry == null || geometry.isNull() || geometry.isMissingNode()) {
            throw new IllegalArgumentException("the feature has no geometry");
        }
        Geometry parsed;
        try {
            parsed = new GeoJsonReader(Wkt.FACTORY).read(geometry.toString());
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("the geometry is not valid GeoJSON: " + e.getMessage());
        }
        var envelope = parsed.getEnvelopeInternal();
        if (!parsed.isEmpty() && (envelope.getMinX() < -180 || envelope.getMaxX() > 180 || envelope.getMinY() < -90 || envelope.getMaxY() > 90)) {
            throw new IllegalArgumentException("coordinates must be WGS84 longitude,latitude in degrees");
        }
        parsed.setSRID(4326);
        return parsed;
    }
}
