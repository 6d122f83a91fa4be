package org.civicgrid.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicgrid.catalog.CaseClass;
import org.civicgrid.catalog.ClassKind;
import org.civicgrid.grid.Crs;
import org.civicgrid.grid.Geocoder;
import org.civicgrid.org.Department;
import org.civicgrid.org.Region;
import org.civicgrid.web.Problem;

/**
 * 部件导入 — checks rows from GeoJSON or CSV one by one ({@link ComponentCheck}, then duplicate in the file, already
 * stored unless {@code replace}); stores the good ones and reports each bad one with its index and reason. One
 * transaction.
 */
@ApplicationScoped
class ComponentImport {

    /** A row that was not imported. */
    record Rejected(int index, String id, String reason) {
    }

    /** What an import did. */
    record Report(int imported, List<Rejected> rejected) {
    }

    private final Geocoder geocoder;
    private final ComponentStore store;
    private final ObjectMapper json;
    private final Clock clock;

    ComponentImport(Geocoder geocoder, ComponentStore store, ObjectMapper json, Clock clock) {
        this.geocoder = geocoder;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Imports a file: CSV when {@code csv}, else a GeoJSON FeatureCollection of Points. */
    Report importFile(byte[] body, boolean csv, Crs crs, boolean replace) {
        List<ComponentRow> rows = csv ? ComponentCsv.read(body) : ComponentGeoJson.read(readJson(body));
        return importRows(rows, crs, replace);
    }

    private JsonNode readJson(byte[] body) {
        try {
            return json.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw Problem.badRequest(null, "the body is not JSON (send GeoJSON, or CSV with Content-Type text/csv): " + e.getMessage());
        }
    }

    @Transactional
    Report importRows(List<ComponentRow> rows, Crs crs, boolean replace) {
        Region county = Region.county().orElseThrow(() -> Problem.conflict("no_county", "set up the county before importing components"));
        ComponentCheck check = new ComponentCheck(new ComponentCheck.Context(county.code, activeClasses(), departments(), crs,
                geocoder::locate, clock.instant()));
        Set<String> stored = new HashSet<>(CityComponent.getEntityManager().createQuery("select c.id from CityComponent c", String.class)
                .getResultList());
        Set<String> seen = new HashSet<>();
        List<CityComponent> good = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ComponentRow row : rows) {
            try {
                CityComponent component = check.check(row);
                if (!seen.add(component.id)) {
                    throw new IllegalArgumentException("component id " + component.id + " appears twice in this file");
                }
                if (stored.contains(component.id) && !replace) {
                    throw new IllegalArgumentException("component " + component.id + " is already stored (import with replace=true to update it)");
                }
                good.add(component);
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejected(row.index(), row.id(), e.getMessage()));
            }
        }
        return new Report(store.store(good, stored), rejected);
    }

    private static Map<String, String> activeClasses() {
        Map<String, String> names = new HashMap<>();
        CaseClass.<CaseClass>list("kind = ?1 and active = true", ClassKind.COMPONENT).forEach(c -> names.put(c.ref, c.name));
        return names;
    }

    private static Map<String, Long> departments() {
        Map<String, Long> ids = new HashMap<>();
        Department.<Department>list("active", true).forEach(d -> ids.put(d.code, d.id));
        return ids;
    }
}
