package org.civicgrid.grid;

import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/**
 * 网格快照 — what the geocoder needs, loaded once and replaced whole when grids or the boundary change: the index,
 * each grid's names and codes, the names of the regions and the county's extent.
 *
 * @param boundary the county boundary, or null when none is set
 * @param fallbackArea the configured bounding box, used only without a boundary
 */
record GridSnapshot(GridIndex index, Map<String, GridInfo> grids, Map<String, String> regionNames, PreparedGeometry boundary,
        Envelope fallbackArea) {

    /** One grid as the geocoder reports it. */
    record GridInfo(String code, String name, String communityCode, String streetCode, double centreLat, double centreLon) {
    }

    boolean inCounty(double lat, double lon) {
        if (boundary != null) {
            return boundary.covers(boundary.getGeometry().getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat)));
        }
        return fallbackArea.covers(lon, lat);
    }
}
