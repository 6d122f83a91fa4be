package org.civicgrid.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;

/**
 * 网格轮廓 — the unit grids in force as a GeoJSON FeatureCollection with their names only: the base layer of maps shown
 * to the public (the portal's pin map), drawn without a tile server. Staff maps use the full export
 * ({@code /api/grids/geojson}).
 */
@ApplicationScoped
public class GridOutlines {

    private final ObjectMapper json;
    private final Clock clock;

    GridOutlines(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The grids in force today, as GeoJSON text. */
    @Transactional
    public String inForce() {
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (UnitGrid grid : GridQueries.find(null, null, null, LocalDate.now(clock))) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.putObject("properties").put("name", grid.name);
            feature.set("geometry", GridGeoJson.geometry(json, Wkt.read(grid.geometryWkt)));
        }
        try {
            return json.writeValueAsString(collection);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("grid outlines could not be written", e);
        }
    }
}
