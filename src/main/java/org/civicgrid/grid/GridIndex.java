package org.civicgrid.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * 网格索引 — point → unit grid in memory: an STRtree of the grids' envelopes whose leaves hold each polygon's
 * {@link IndexedPointInAreaLocator} (the locator a JTS PreparedPolygon uses, called directly so a lookup creates no
 * geometry). Immutable once built and safe for any number of threads. A point on an edge shared by two grids, or on
 * a vertex shared by several, belongs to the grid with the smallest code: every lookup of the same point gives the
 * same grid. Points in a hole of a polygon are not in that grid.
 */
public final class GridIndex {

    /** One polygon of the index: its grid code and its (multi)polygon in lon/lat. */
    public record Cell(String code, Geometry polygon) {
    }

    private record Leaf(String code, Envelope envelope, IndexedPointInAreaLocator locator) {
    }

    private final STRtree tree;
    private final int size;

    private GridIndex(STRtree tree, int size) {
        this.tree = tree;
        this.size = size;
    }

    public static GridIndex of(Collection<Cell> cells) {
        STRtree tree = new STRtree();
        for (Cell cell : cells) {
            Envelope envelope = cell.polygon().getEnvelopeInternal();
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(cell.polygon());
            locator.locate(envelope.centre()); // builds the locator's interval index now, not under the first lookup
            tree.insert(envelope, new Leaf(cell.code(), envelope, locator));
        }
        tree.build();
        return new GridIndex(tree, cells.size());
    }

    /** The code of the grid that covers the point (interior or boundary), or null when no grid does. */
    public String locate(double lat, double lon) {
        Coordinate point = new Coordinate(lon, lat);
        Lookup lookup = new Lookup(point);
        tree.query(new Envelope(point), lookup);
        return lookup.best;
    }

    /** Codes of all grids whose envelope intersects the given box (for map views). */
    public List<String> codesIn(double minLat, double minLon, double maxLat, double maxLon) {
        List<String> codes = new ArrayList<>();
        tree.query(new Envelope(minLon, maxLon, minLat, maxLat), item -> codes.add(((Leaf) item).code()));
        return codes;
    }

    public int size() {
        return size;
    }

    private static final class Lookup implements ItemVisitor {
        private final Coordinate point;
        private String best;

        Lookup(Coordinate point) {
            this.point = point;
        }

        @Override
        public void visitItem(Object item) {
            Leaf leaf = (Leaf) item;
            if ((best == null || leaf.code().compareTo(best) < 0) && leaf.envelope().covers(point)
                    && leaf.locator().locate(point) != Location.EXTERIOR) {
                best = leaf.code();
            }
        }
    }
}
