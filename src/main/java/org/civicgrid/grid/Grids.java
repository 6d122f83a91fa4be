package org.civicgrid.grid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.org.Region;
import org.civicgrid.org.RegionChanged;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * 网格库 — keeps the {@link GridSnapshot} of the grids in force today. Built on first use, dropped after any change to
 * grids, the county boundary ({@link GridsChanged}) or a region's name ({@link RegionChanged}), after commit, and on
 * a new day (grids come into and go out of force by date), so readers never touch the database for a lookup.
 */
@ApplicationScoped
public class Grids {

    private final GridConfig config;
    private final Clock clock;
    private volatile GridSnapshot snapshot;
    private volatile LocalDate builtOn;

    Grids(GridConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * The current snapshot. Built with plain reads (no transaction of its own: on SQLite every transaction takes the
     * write lock), joining the caller's transaction when there is one.
     */
    @ActivateRequestContext
    GridSnapshot snapshot() {
        GridSnapshot current = snapshot;
        LocalDate today = LocalDate.now(clock);
        if (current == null || !today.equals(builtOn)) {
            synchronized (this) {
                if (snapshot == null || !today.equals(builtOn)) {
                    snapshot = build(today);
                    builtOn = today;
                }
                current = snapshot;
            }
        }
        return current;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) GridsChanged event) {
        snapshot = null;
    }

    void onRegionChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) RegionChanged event) {
        snapshot = null; // the snapshot holds the regions' names
    }

    private GridSnapshot build(LocalDate today) {
        List<GridIndex.Cell> cells = new ArrayList<>();
        Map<String, GridSnapshot.GridInfo> infos = new HashMap<>();
        for (UnitGrid grid : UnitGrid.<UnitGrid>listAll()) {
            if (grid.validOn(today)) {
                cells.add(grid.cell());
                infos.put(grid.code, new GridSnapshot.GridInfo(grid.code, grid.name, grid.communityCode, grid.streetCode,
                        grid.centreLat, grid.centreLon));
            }
        }
        Map<String, String> names = new HashMap<>();
        Region.<Region>listAll().forEach(region -> names.put(region.code, region.name));
        PreparedGeometry boundary = Region.county().map(county -> county.boundaryWkt)
                .map(Wkt::read).map(PreparedGeometryFactory::prepare).orElse(null);
        return new GridSnapshot(GridIndex.of(cells), Map.copyOf(infos), Map.copyOf(names), boundary, fallbackArea());
    }

    private Envelope fallbackArea() {
        String[] parts = config.serviceArea().split(",");
        double south = Double.parseDouble(parts[0].trim());
        double west = Double.parseDouble(parts[1].trim());
        double north = Double.parseDouble(parts[2].trim());
        double east = Double.parseDouble(parts[3].trim());
        return new Envelope(west, east, south, north);
    }

    /** The county boundary as a geometry, or null when none is set. */
    Geometry boundary() {
        PreparedGeometry boundary = snapshot().boundary();
        return boundary == null ? null : boundary.getGeometry();
    }
}
