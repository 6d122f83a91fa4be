package org.civicgrid.map.tiles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import org.civicgrid.grid.UnitGrid;
import org.civicgrid.grid.gazetteer.Gazetteer;
import org.civicgrid.grid.gazetteer.PlaceKind;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * 本机底图 — builds the box's own vector-tile base map (an MBTiles file) from what it already holds: the gazetteer's roads
 * (layer {@code roads}, zoom 12–17) and landmarks ({@code landmarks}), and the unit grids' outlines ({@code grids}, both
 * from zoom 14), each with its {@code name}. Deeper zooms are drawn by the browser from the zoom-17 tiles.
 */
@ApplicationScoped
class OwnBaseMap {

    static final int MIN_ZOOM = 12;
    static final int MAX_ZOOM = 17;
    private static final int DETAIL_ZOOM = 14;
    private static final double BUFFER = 64;
    static final String LAYERS_JSON = "[{\"id\":\"roads\",\"fields\":{\"name\":\"String\"}},"
            + "{\"id\":\"landmarks\",\"fields\":{\"name\":\"String\"}},{\"id\":\"grids\",\"fields\":{\"name\":\"String\"}}]";

    /** 底图要素 — one feature to tile: its layer, label, first zoom and WGS84 geometry. */
    record Feature(String layer, String name, int minZoom, Geometry geometry) {
    }

    private final Gazetteer gazetteer;
    private final Clock clock;

    OwnBaseMap(Gazetteer gazetteer, Clock clock) {
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    /** The features of this box now: roads, landmarks and the grids in force today. */
    List<Feature> features() {
        List<Feature> features = new ArrayList<>();
        for (Gazetteer.MapFeature f : gazetteer.mapFeatures()) {
            boolean road = f.kind() == PlaceKind.ROAD;
            features.add(new Feature(road ? "roads" : "landmarks", f.name(), road ? MIN_ZOOM : DETAIL_ZOOM, f.geometry()));
        }
        LocalDate today = LocalDate.now(clock);
        QuarkusTransaction.joiningExisting().run(() -> {
            for (UnitGrid grid : UnitGrid.<UnitGrid>listAll()) {
                if (grid.validOn(today)) {
                    features.add(new Feature("grids", grid.code, DETAIL_ZOOM, grid.cell().polygon().getBoundary()));
                }
            }
        });
        return features;
    }

    /** Writes the features as an MBTiles file at {@code target} (through a temporary file, then moved in place). */
    static void write(List<Feature> features, Path target) throws IOException {
        Envelope bounds = new Envelope();
        features.forEach(f -> bounds.expandToInclude(f.geometry().getEnvelopeInternal()));
        Map<TileKey, byte[]> tiles = tiles(features);
        Path temp = Files.createTempFile(target.getParent(), ".own-", ".mbtiles.tmp");
        try {
            Files.delete(temp); // SQLite creates it
            TileArchive.Info info = new TileArchive.Info("civicgrid", "pbf", MIN_ZOOM, MAX_ZOOM, bounds.getMinX(), bounds.getMinY(),
                    bounds.getMaxX(), bounds.getMaxY());
            MbTilesArchive.write(temp, info, tiles, LAYERS_JSON);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Every non-empty tile of the features, zoom {@value #MIN_ZOOM} to {@value #MAX_ZOOM}. */
    static Map<TileKey, byte[]> tiles(List<Feature> features) {
        Map<TileKey, MvtEncoder> encoders = new HashMap<>();
        GeometryFactory factory = new GeometryFactory();
        Geometry clip = factory.toGeometry(new Envelope(-BUFFER, MvtEncoder.EXTENT + BUFFER, -BUFFER, MvtEncoder.EXTENT + BUFFER));
        for (Feature f : features) {
            Envelope e = f.geometry().getEnvelopeInternal();
            for (int z = f.minZoom(); z <= MAX_ZOOM; z++) {
                TileKey from = TileKey.at(z, e.getMaxY(), e.getMinX());
                TileKey to = TileKey.at(z, e.getMinY(), e.getMaxX());
                for (int x = from.x(); x <= to.x(); x++) {
                    for (int y = from.y(); y <= to.y(); y++) {
                        TileKey key = new TileKey(z, x, y);
                        Geometry local = TileProjection.toTile(f.geometry(), key);
                        Geometry inside = local instanceof Point p ? (inTile(p) ? p : null) : local.intersection(clip);
                        if (inside != null && !inside.isEmpty()) {
                            encoders.computeIfAbsent(key, k -> new MvtEncoder()).add(f.layer(), inside, Map.of("name", f.name()));
                        }
                    }
                }
            }
        }
        Map<TileKey, byte[]> tiles = new HashMap<>();
        encoders.forEach((k, v) -> tiles.put(k, v.encode()));
        return tiles;
    }

    private static boolean inTile(Point p) {
        return p.getX() >= 0 && p.getX() < MvtEncoder.EXTENT && p.getY() >= 0 && p.getY() < MvtEncoder.EXTENT;
    }
}
