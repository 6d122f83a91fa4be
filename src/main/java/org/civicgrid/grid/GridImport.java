package org.civicgrid.grid;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Region;
import org.civicgrid.org.RegionLevel;
import org.civicgrid.web.Problem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * 网格导入 — a GeoJSON FeatureCollection of unit grids (properties {@code code}, {@code name}, optional
 * {@code validFrom}/{@code validTo}) checked feature by feature: code structure, community and street known to the
 * organisation, polygon validity, duplicate code, inside the county. Good features are stored, bad ones reported
 * with their index and reason; then overlaps and gaps of the resulting cover are reported. One transaction.
 */
@ApplicationScoped
public class GridImport {

    /** A feature that was not imported. */
    public record Rejected(int index, String code, String reason) {
    }

    /** What an import did and found. */
    public record Report(int imported, List<Rejected> rejected, List<GridTopology.Overlap> overlaps, List<GridTopology.Gap> gaps) {
    }

    /** How far a grid edge may stray over the county boundary (digitising and rounding), in metres. */
    private static final double BOUNDARY_TOLERANCE_M = 0.5;

    private final Grids grids;
    private final GridConfig config;
    private final Event<GridsChanged> changed;
    private final Clock clock;

    GridImport(Grids grids, GridConfig config, Event<GridsChanged> changed, Clock clock) {
        this.grids = grids;
        this.config = config;
        this.changed = changed;
        this.clock = clock;
    }

    /** Imports the collection; with {@code replace} a feature whose code exists replaces that grid. */
    @Transactional
    public Report importCollection(JsonNode collection, boolean replace) {
        JsonNode features = collection == null ? null : collection.get("features");
        if (collection == null || !"FeatureCollection".equals(collection.path("type").asText()) || features == null || !features.isArray()) {
            throw Problem.badRequest(null, "send a GeoJSON FeatureCollection of unit grids (properties: code, name)");
        }
        Region county = Region.county().orElseThrow(() -> Problem.conflict("no_county", "set up the county before importing grids"));
        Geometry boundary = grids.boundary();
        PreparedGeometry tolerant = boundary == null ? null
                : PreparedGeometryFactory.prepare(boundary.buffer(LocalMetres.degrees(BOUNDARY_TOLERANCE_M, boundary.getCentroid().getY()).y));
        Set<String> seen = new HashSet<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<String> imported = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String code = text(feature.path("properties"), "code", "gridCode", "GRID_CODE", "BGID", "网格编码");
            try {
                GridFeature parsed = parse(feature, code, county.code, boundary, tolerant);
                if (!seen.add(parsed.code())) {
                    throw new IllegalArgumentException("grid code " + parsed.code() + " appears twice in this file");
                }
                UnitGrid existing = UnitGrid.<UnitGrid>findById(parsed.code());
                if (existing != null && !replace) {
                    throw new IllegalArgumentException("grid " + parsed.code() + " already exists (import with replace=true to update it)");
                }
                store(existing == null ? new UnitGrid() : existing, parsed, existing == null);
                imported.add(parsed.code());
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejected(i, code, e.getMessage()));
            }
        }
        UnitGrid.flush();
        LocalDate today = LocalDate.now(clock);
        List<GridIndex.Cell> cells = UnitGrid.<UnitGrid>listAll().stream().filter(g -> g.validOn(today) || imported.contains(g.code))
                .map(UnitGrid::cell).toList();
        List<GridTopology.Overlap> overlaps = GridTopology.overlaps(cells, imported, config.sliverAreaM2());
        List<GridTopology.Gap> gaps = imported.isEmpty() ? List.of() : GridTopology.gaps(cells, boundary, config.sliverAreaM2());
        if (!imported.isEmpty()) {
            changed.fire(new GridsChanged("imported " + imported.size() + " grids"));
        }
        return new Report(imported.size(), rejected, overlaps, gaps);
    }

    private record GridFeature(String code, String name, Geometry polygon, LocalDate validFrom, LocalDate validTo) {
    }

    private static GridFeature parse(JsonNode feature, String code, String countyCode, Geometry boundary, PreparedGeometry tolerant) {
        String problem = GridCode.problem(code);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        GridCode grid = new GridCode(code);
        if (!grid.countyCode().equals(countyCode)) {
            throw new IllegalArgumentException("grid " + code + " is not in county " + countyCode);
        }
        Region community = Region.<Region>findById(grid.communityCode());
        if (community == null || community.level != RegionLevel.COMMUNITY) {
            throw new IllegalArgumentException("grid " + code + ": no community " + grid.communityCode() + " (street " + grid.streetCode() + ") in the organisation");
        }
        Geometry polygon = polygon(feature.get("geometry"));
        if (tolerant != null && !tolerant.covers(polygon)) {
            double outside = LocalMetres.area(polygon.difference(boundary));
            throw new IllegalArgumentException(String.format("grid %s lies %.1f m² outside the county boundary", code, outside));
        }
        JsonNode properties = feature.path("properties");
        String name = text(properties, "name", "gridName", "NAME", "网格名称");
        return new GridFeature(code, name == null ? code : name, polygon, date(properties, "validFrom"), date(properties, "validTo"));
    }

    private static Geometry polygon(JsonNode geometry) {
        Geometry parsed = GeoJsonGeometries.read(geometry);
        if (!(parsed instanceof Polygon || parsed instanceof MultiPolygon) || parsed.isEmpty()) {
            throw new IllegalArgumentException("a unit grid must be a Polygon or MultiPolygon, not " + parsed.getGeometryType());
        }
        TopologyValidationError error = new IsValidOp(parsed).getValidationError();
        if (error != null) {
            throw new IllegalArgumentException("invalid polygon: " + error.getMessage() + " at "
                    + error.getCoordinate().y + "," + error.getCoordinate().x);
        }
        return parsed;
    }

    private void store(UnitGrid grid, GridFeature feature, boolean isNew) {
        GridCode code = new GridCode(feature.code());
        grid.code = feature.code();
        grid.name = feature.name();
        grid.streetCode = code.streetCode();
        grid.communityCode = code.communityCode();
        grid.geometryWkt = Wkt.write(feature.polygon());
        grid.areaM2 = Math.round(LocalMetres.area(feature.polygon()) * 10) / 10.0;
        var env = feature.polygon().getEnvelopeInternal();
        grid.minLat = env.getMinY();
        grid.minLon = env.getMinX();
        grid.maxLat = env.getMaxY();
        grid.maxLon = env.getMaxX();
        var inside = feature.polygon().getInteriorPoint();
        grid.centreLat = inside.getY();
        grid.centreLon = inside.getX();
        grid.validFrom = feature.validFrom();
        grid.validTo = feature.validTo();
        if (isNew) {
            grid.createdAt = clock.instant();
            grid.persist();
        }
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

    private static LocalDate date(JsonNode properties, String name) {
        String value = text(properties, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a date like 2026-01-01");
        }
    }
}
