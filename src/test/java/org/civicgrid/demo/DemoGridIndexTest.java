package org.civicgrid.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.civicgrid.grid.GridIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.junit.jupiter.api.Test;

/**
 * The grid index against brute force on a generated county: for random points and for every vertex of every grid
 * (points on shared edges and corners), {@link GridIndex#locate} must give the smallest code of the grids that cover
 * the point, exactly as testing every polygon would.
 */
class DemoGridIndexTest {

    private static final GeometryFactory POINTS = new GeometryFactory();

    @Test
    void agreesWithTestingEveryPolygon() {
        List<DemoGridLayout.StreetPlan> plan = IntStream.range(0, 4)
                .mapToObj(s -> new DemoGridLayout.StreetPlan("37083100" + s, "S" + s, IntStream.range(1, 3)
                        .mapToObj(c -> new DemoGridLayout.CommunityPlan("37083100" + s + "00" + c, "C" + c, 20)).toList()))
                .toList();
        DemoGridLayout.Layout layout = new DemoGridLayout(11, 35.66, 117.27).generate(plan);
        List<DemoGridLayout.GridCell> grids = layout.grids().stream().sorted(Comparator.comparing(DemoGridLayout.GridCell::code)).toList();
        GridIndex index = GridIndex.of(grids.stream().map(g -> new GridIndex.Cell(g.code(), g.polygon())).toList());

        Envelope box = layout.outline().getEnvelopeInternal();
        box.expandBy(0.002);
        Random random = new Random(5);
        int inside = 0;
        for (int i = 0; i < 20_000; i++) {
            double lat = box.getMinY() + random.nextDouble() * box.getHeight();
            double lon = box.getMinX() + random.nextDouble() * box.getWidth();
            String expected = bruteForce(grids, lat, lon);
            assertEquals(expected, index.locate(lat, lon), lat + "," + lon);
            inside += expected == null ? 0 : 1;
        }
        assertTrue(inside > 10_000 && inside < 20_000, "points inside and outside: " + inside);
        for (DemoGridLayout.GridCell grid : grids) {
            for (Coordinate vertex : grid.polygon().getCoordinates()) {
                assertEquals(bruteForce(grids, vertex.y, vertex.x), index.locate(vertex.y, vertex.x), "vertex of " + grid.code());
            }
        }
    }

    private static String bruteForce(List<DemoGridLayout.GridCell> sortedByCode, double lat, double lon) {
        var point = POINTS.createPoint(new Coordinate(lon, lat));
        return sortedByCode.stream().filter(g -> g.polygon().covers(point)).map(DemoGridLayout.GridCell::code).findFirst().orElse(null);
    }
}
