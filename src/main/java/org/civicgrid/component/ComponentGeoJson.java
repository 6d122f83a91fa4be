package org.civicgrid.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicgrid.grid.GeoJsonGeometries;
import org.civicgrid.web.Problem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * 部件 GeoJSON — reads a FeatureCollection of Points (properties id/code, name, classRef/classCode, state,
 * ownerDepartment, propertyDepartment, maintainerDepartment as department codes, installedOn, surveyedOn, dataSource,
 * accuracyClass, address, note) into rows, and writes components back in the same shape.
 */
final class ComponentGeoJson {

    private ComponentGeoJson() {
    }

    static List<ComponentRow> read(JsonNode collection) {
        JsonNode features = collection == null ? null : collection.get("features");
        if (collection == null || !"FeatureCollection".equals(collection.path("type").asText()) || features == null || !features.isArray()) {
            throw Problem.badRequest(null, "send a GeoJSON FeatureCollection of Points (properties: id, name, classRef, state, …)");
        }
        List<ComponentRow> rows = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode p = features.get(i).path("properties");
            String id = text(p, "id", "code");
            try {
                Point point = point(features.get(i).get("geometry"));
                rows.add(new ComponentRow(i, id, text(p, "name"), text(p, "classRef", "classCode"), text(p, "state"), point.getY(), point.getX(),
                        text(p, "ownerDepartment"), text(p, "propertyDepartment"), text(p, "maintainerDepartment"), text(p, "installedOn"),
                        text(p, "surveyedOn"), text(p, "dataSource"), text(p, "accuracyClass"), text(p, "address"), text(p, "note"), null));
            } catch (IllegalArgumentException e) {
                rows.add(ComponentRow.unreadable(i, id, e.getMessage()));
            }
        }
        return rows;
    }

    private static Point point(JsonNode geometry) {
        Geometry parsed = GeoJsonGeometries.read(geometry);
        if (!(parsed instanceof Point point) || parsed.isEmpty()) {
            throw new IllegalArgumentException("a component must be a Point, not " + parsed.getGeometryType());
        }
        return point;
    }

    static ObjectNode write(ObjectMapper json, List<CityComponent> components, Map<Long, String> departmentCodes) {
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (CityComponent c : components) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.putObject("geometry").put("type", "Point").putArray("coordinates").add(c.lon).add(c.lat);
            feature.putObject("properties").put("id", c.id).put("name", c.name).put("classRef", c.classRef).put("state", c.state.name())
                    .put("ownerDepartment", departmentCodes.get(c.ownerDepartmentId))
                    .put("propertyDepartment", departmentCodes.get(c.propertyDepartmentId))
                    .put("maintainerDepartment", departmentCodes.get(c.maintainerDepartmentId))
                    .put("installedOn", c.installedOn == null ? null : c.installedOn.toString())
                    .put("surveyedOn", c.surveyedOn == null ? null : c.surveyedOn.toString()).put("dataSource", c.dataSource)
                    .put("accuracyClass", c.accuracyClass == null ? null : c.accuracyClass.name()).put("address", c.address)
                    .put("gridCode", c.gridCode).put("note", c.note);
        }
        return collection;
    }

    private static String text(JsonNode properties, String... names) {
        for (String name : names) {
            JsonNode value = properties.get(name);
            if (value != null && !value.isNull() && !value.asText().isBlank()) {
                return value.asText().trim();
            }
        }
        return null;
    }
}
