package org.civicgrid.map.tiles;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * 瓦片投影 — Web Mercator (EPSG:3857) as tiles use it: WGS84 lon/lat to the unit square ({@code 0..1}, y down) and on to
 * one tile's MVT coordinates ({@code 0..4096}).
 */
final class TileProjection {

    private static final double MAX_LAT = 85.0511287798;

    private TileProjection() {
    }

    static double worldX(double lon) {
        return (lon + 180.0) / 360.0;
    }

    static double worldY(double lat) {
        double phi = Math.toRadians(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)));
        return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
    }

    /** A copy of a WGS84 geometry ({@code x} = lon, {@code y} = lat) in the coordinates of tile {@code key}. */
    static Geometry toTile(Geometry wgs84, TileKey key) {
        Geometry copy = wgs84.copy();
        double n = 1 << key.z();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                Coordinate c = seq.getCoordinate(i);
                seq.setOrdinate(i, 0, (worldX(c.x) * n - key.x()) * MvtEncoder.EXTENT);
                seq.setOrdinate(i, 1, (worldY(c.y) * n - key.y()) * MvtEncoder.EXTENT);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }
}
