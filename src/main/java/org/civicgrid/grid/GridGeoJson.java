package org.civicgrid.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** 网格 GeoJSON — unit grids as GeoJSON Features (the shape {@link GridImport} reads back). */
final class GridGeoJson {

    private GridGeoJson() {
    }

    static ObjectNode collection(ObjectMapper json, Collection<UnitGrid> grids, Map<String, String> regionNames) {
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        grids.forEach(grid -> features.add(feature(json, grid, regionNames)));
        return collection;
    }

    static ObjectNode feature(ObjectMapper json, UnitGrid grid, Map<String, String> regionNames) {
        ObjectNode feature = json.createObjectNode().put("type", "Feature").put("id", grid.code);
        feature.set("geometry", geometry(json, Wkt.read(grid.geometryWkt)));
        ObjectNode properties = feature.putObject("properties");
        properties.put("code", grid.code).put("name", grid.name)
                .put("streetCode", grid.streetCode).put("streetName", regionNames.get(grid.streetCode))
                .put("communityCode", grid.communityCode).put("communityName", regionNames.get(grid.communityCode))
                .put("areaM2", grid.areaM2)
                .put("validFrom", grid.validFrom == null ? null : grid.validFrom.toString())
                .put("validTo", grid.validTo == null ? null : grid.validTo.toString());
        return feature;
    }

    static ObjectNode geometry(ObjectMapper json, Geometry geometry) {
        GeoJsonWriter writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        try {
            return (ObjectNode) json.readTree(writer.write(geometry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("GeoJSON writer produced unreadable JSON", e);
        }
    }
}
