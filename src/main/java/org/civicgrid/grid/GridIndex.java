package org.civicgrid.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * 网格索引 — point → unit grid in memory, immutable once built and safe for any number of threads. Built with an
 * STRtree of the grids' envelopes (used only while building); lookups go through a raster of buckets over the
 * county (about two per grid), each listing the grids whose envelope touches it, so a lookup is one bucket and a
 * point-in-polygon test on two or three small polygons — no tree walk, no geometry created. Small polygons are tested
 * ring by ring ({@link PointLocation#locateInRing}); large ones (over {@value #INDEXED_FROM} vertices) through the
 * {@link IndexedPointInAreaLocator} a JTS PreparedPolygon uses. A point on an edge shared by two grids, or on a vertex
 * shared by several, belongs to the grid with the smallest code: every lookup of the same point gives the same grid.
 * Points in a hole of a polygon are not in that grid.
 */
public final class GridIndex {

    /** One polygon of the index: its grid code and its (multi)polygon in lon/lat. */
    public record Cell(String code, Geometry polygon) {
    }

    static final int INDEXED_FROM = 64;

    private final String[] codes;          // sorted: leaf i has the i-th smallest code
    private final Leaf[] leaves;
    private final Envelope extent;
    private final int columns;
    private final int rows;
    private final int[] bucketStart;       // bucket b lists bucketLeaves[bucketStart[b] .. bucketStart[b + 1])
    private final int[] bucketLeaves;      // leaf numbers, ascending within a bucket

    private GridIndex(List<Cell> sorted) {
        int n = sorted.size();
        codes = new String[n];
        leaves = new Leaf[n];
        STRtree tree = new STRtree();
        extent = new Envelope();
        for (int i = 0; i < n; i++) {
            codes[i] = sorted.get(i).code();
            leaves[i] = Leaf.of(sorted.get(i).polygon());
            tree.insert(leaves[i].envelope, i);
            extent.expandToInclude(leaves[i].envelope);
        }
        tree.build();
        double aspect = extent.isNull() || extent.getHeight() == 0 ? 1 : extent.getWidth() / extent.getHeight();
        int buckets = Math.max(1, 2 * n);
        columns = Math.max(1, (int) Math.round(Math.sqrt(buckets * aspect)));
        rows = Math.max(1, (int) Math.round((double) buckets / columns));
        bucketStart = new int[columns * rows + 1];
        List<Integer> items = new ArrayList<>();
        for (int b = 0; b < columns * rows; b++) {
            bucketStart[b] = items.size();
            if (n > 0) {
                List<Integer> found = new ArrayList<>();
                tree.query(bucketEnvelope(b % columns, b / columns), item -> found.add((Integer) item));
                found.sort(Comparator.naturalOrder());
                items.addAll(found);
            }
        }
        bucketStart[columns * rows] = items.size();
        bucketLeaves = items.stream().mapToInt(Integer::intValue).toArray();
    }

    public static GridIndex of(Collection<Cell> cells) {
        List<Cell> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparing(Cell::code));
        return new GridIndex(sorted);
    }

    /** The code of the grid that covers the point (interior or boundary), or null when no grid does. */
    public String locate(double lat, double lon) {
        if (codes.length == 0 || !extent.covers(lon, lat)) {
            return null;
        }
        int column = Math.min(columns - 1, (int) ((lon - extent.getMinX()) / extent.getWidth() * columns));
        int row = Math.min(rows - 1, (int) ((lat - extent.getMinY()) / extent.getHeight() * rows));
        int bucket = row * columns + column;
        Coordinate point = null;
        for (int k = bucketStart[bucket], end = bucketStart[bucket + 1]; k < end; k++) {
            Leaf leaf = leaves[bucketLeaves[k]];
            if (leaf.envelope.covers(lon, lat)) {
                point = point == null ? new Coordinate(lon, lat) : point;
                if (leaf.covers(point)) {
                    return codes[bucketLeaves[k]]; // leaves ascend by code: the first that covers has the smallest
                }
            }
        }
        return null;
    }


    public int size() {
        return codes.length;
    }

    private Envelope bucketEnvelope(int column, int row) {
        double width = extent.getWidth() / columns;
        double height = extent.getHeight() / rows;
        double x = extent.getMinX() + column * width;
        double y = extent.getMinY() + row * height;
        // closed and a hair larger on every side: a point on a bucket border, whichever bucket the arithmetic puts it
        // in, finds every grid that touches the border
        Envelope bucket = new Envelope(x, x + width, y, y + height);
        bucket.expandBy(width * 1e-6, height * 1e-6);
        return bucket;
    }

    /** One grid's polygon(s), prepared for point tests. */
    private static final class Leaf {
        final Envelope envelope;
        final Coordinate[][] shells;
        final Coordinate[][][] holes;
        final IndexedPointInAreaLocator indexed;

        private Leaf(Envelope envelope, Coordinate[][] shells, Coordinate[][][] holes, IndexedPointInAreaLocator indexed) {
            this.envelope = envelope;
            this.shells = shells;
            this.holes = holes;
            this.indexed = indexed;
        }

        static Leaf of(Geometry area) {
            Envelope envelope = area.getEnvelopeInternal();
            if (area.getNumPoints() > INDEXED_FROM) {
                IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area);
                locator.locate(envelope.centre()); // builds the locator's interval index now, not under the first lookup
                return new Leaf(envelope, null, null, locator);
            }
            int parts = area.getNumGeometries();
            Coordinate[][] shells = new Coordinate[parts][];
            Coordinate[][][] holes = new Coordinate[parts][][];
            for (int p = 0; p < parts; p++) {
                Polygon polygon = (Polygon) area.getGeometryN(p);
                shells[p] = polygon.getExteriorRing().getCoordinates();
                holes[p] = new Coordinate[polygon.getNumInteriorRing()][];
                for (int h = 0; h < holes[p].length; h++) {
                    holes[p][h] = polygon.getInteriorRingN(h).getCoordinates();
                }
            }
            return new Leaf(envelope, shells, holes, null);
        }

        /** Interior or boundary. */
        boolean covers(Coordinate point) {
            if (indexed != null) {
                return indexed.locate(point) != Location.EXTERIOR;
            }
            for (int p = 0; p < shells.length; p++) {
                int inShell = PointLocation.locateInRing(point, shells[p]);
                if (inShell == Location.BOUNDARY) {
                    return true;
                }
                if (inShell == Location.INTERIOR && outsideHoles(point, holes[p])) {
                    return true;
                }
            }
            return false;
        }

        private static boolean outsideHoles(Coordinate point, Coordinate[][] holes) {
            for (Coordinate[] hole : holes) {
                if (PointLocation.locateInRing(point, hole) == Location.INTERIOR) {
                    return false; // on a hole's ring is the polygon's boundary: covered
                }
            }
            return true;
        }
    }
}
