package org.civicgrid.grid;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.civicgrid.org.Region;
import org.civicgrid.web.Problem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * 县域边界 — the county's outer boundary: what "in the county" means for reports, grid imports and the map. Set by an
 * admin from GeoJSON (a Polygon/MultiPolygon geometry or a Feature holding one).
 */
@ApplicationScoped
public class CountyBoundary {

    private final Event<GridsChanged> changed;

    CountyBoundary(Event<GridsChanged> changed) {
        this.changed = changed;
    }

    @Transactional
    public void set(JsonNode geoJson) {
        JsonNode geometry = geoJson != null && "Feature".equals(geoJson.path("type").asText()) ? geoJson.get("geometry") : geoJson;
        if (geometry == null || geometry.isNull()) {
            throw Problem.badRequest(null, "send the boundary as a GeoJSON Polygon or MultiPolygon (or a Feature holding one)");
        }
        Geometry polygon;
        try {
            polygon = GeoJsonGeometries.read(geometry);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("geometry", e.getMessage());
        }
        if (!(polygon instanceof Polygon || polygon instanceof MultiPolygon) || !new IsValidOp(polygon).isValid()) {
            throw Problem.badRequest("geometry", "the boundary must be a valid Polygon or MultiPolygon in WGS84 longitude,latitude");
        }
        setGeometry(polygon);
    }

    /** Stores an already checked boundary (the demo uses this). */
    @Transactional
    public void setGeometry(Geometry polygon) {
        Region county = Region.county().orElseThrow(() -> Problem.conflict("no_county", "set up the county first"));
        county.boundaryWkt = Wkt.write(polygon);
        changed.fire(new GridsChanged("county boundary"));
    }
}
