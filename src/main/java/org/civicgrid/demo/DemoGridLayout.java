package org.civicgrid.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * 演示网格布局 — draws a believable county seat for the demo: an irregular outline around a centre, an urban core
 * split west/east into two streets, an outer ring split north-east/south-west into two towns, each street cut into
 * its communities and each community into unit grids. Cuts are Voronoi cells of relaxed random seeds (Lloyd), so
 * grids look like irregular blocks, nest exactly in their community and street, and neither overlap nor leave gaps.
 * Deterministic for a given seed. Works in metres around the centre, returns WGS84 lon/lat.
 */
public final class DemoGridLayout {

    /** A community to cut into {@code grids} unit grids. */
    public record CommunityPlan(String code, String name, int grids) {
    }

    /** A street or town: the first two are the urban core's west and east, the next two the ring's NE and SW. */
    public record StreetPlan(String code, String name, List<CommunityPlan> communities) {
    }

    /** One generated unit grid. */
    public record GridCell(String code, String name, Geometry polygon) {
    }

    /** The outline of the whole area and its grids. */
    public record Layout(Geometry outline, List<GridCell> grids) {
    }

    private static final GeometryFactory PLANE = new GeometryFactory(new PrecisionModel(), 0);
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final double METRES_PER_DEGREE_LAT = 110_574.0;

    private final Random random;
    private final double centreLat;
    private final double centreLon;

    public DemoGridLayout(long seed, double centreLat, double centreLon) {
        this.random = new Random(seed);
        this.centreLat = centreLat;
        this.centreLon = centreLon;
    }

    public Layout generate(List<StreetPlan> streets) {
        if (streets.size() != 4) {
            throw new IllegalArgumentException("the demo layout places exactly four streets/towns");
        }
        Geometry outline = blob(4000, 3300, 0.07, 28);
        Geometry core = blob(2300, 1900, 0.10, 20);
        Geometry west = halfPlane(new Coordinate(-150, -6000), new Coordinate(150, 6000), true);
        Geometry northEast = halfPlane(new Coordinate(-6000, 6000), new Coordinate(6000, -6000), false);
        Geometry ring = outline.difference(core);
        List<Geometry> streetAreas = List.of(core.intersection(west), core.difference(west),
                ring.intersection(northEast), ring.difference(northEast));
        List<GridCell> grids = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            StreetPlan street = streets.get(s);
            List<Geometry> communityAreas = partition(polygonal(streetAreas.get(s)), street.communities().size());
            for (int c = 0; c < communityAreas.size(); c++) {
                CommunityPlan community = street.communities().get(c);
                List<Geometry> cells = partition(communityAreas.get(c), community.grids());
                for (int g = 0; g < cells.size(); g++) {
                    String serial = String.format("%03d", g + 1);
                    grids.add(new GridCell(community.code() + serial, community.name() + "第" + serial + "网格", toWgs84(cells.get(g))));
                }
            }
        }
        return new Layout(toWgs84(outline), grids);
    }

    /** An irregular closed shape: an ellipse whose radius wobbles by up to {@code wobble}. */
    private Geometry blob(double rx, double ry, double wobble, int vertices) {
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / vertices;
            double factor = 1 + wobble * (2 * random.nextDouble() - 1);
            ring[i] = new Coordinate(rx * factor * Math.cos(angle), ry * factor * Math.sin(angle));
        }
        ring[vertices] = ring[0].copy();
        return PLANE.createPolygon(ring);
    }

    /** The side of the (slightly wavy) line from {@code a} to {@code b} that lies to its left (or right). */
    private Geometry halfPlane(Coordinate a, Coordinate b, boolean left) {
        List<Coordinate> line = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            double t = i / 10.0;
            double jitter = i == 0 || i == 10 ? 0 : (random.nextDouble() - 0.5) * 300;
            double nx = -(b.y - a.y);
            double ny = b.x - a.x;
            double length = Math.hypot(nx, ny);
            line.add(new Coordinate(a.x + t * (b.x - a.x) + jitter * nx / length, a.y + t * (b.y - a.y) + jitter * ny / length));
        }
        double far = 20_000 * (left ? 1 : -1);
        double nx = -(b.y - a.y) / Math.hypot(b.x - a.x, b.y - a.y);
        double ny = (b.x - a.x) / Math.hypot(b.x - a.x, b.y - a.y);
        line.add(new Coordinate(b.x + far * nx, b.y + far * ny));
        line.add(new Coordinate(a.x + far * nx, a.y + far * ny));
        line.add(line.get(0).copy());
        Geometry polygon = PLANE.createPolygon(line.toArray(Coordinate[]::new));
        return polygon.isValid() ? polygon : polygon.buffer(0);
    }

    /** Cuts {@code area} into {@code n} pieces: Voronoi cells of seeds relaxed three times towards their centroids. */
    private List<Geometry> partition(Geometry area, int n) {
        if (n <= 1) {
            return List.of(area);
        }
        List<Coordinate> seeds = new ArrayList<>();
        Envelope box = area.getEnvelopeInternal();
        while (seeds.size() < n) {
            Coordinate c = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(), box.getMinY() + random.nextDouble() * box.getHeight());
            if (area.contains(PLANE.createPoint(c))) {
                seeds.add(c);
            }
        }
        List<Geometry> cells = cells(area, seeds);
        for (int round = 0; round < 3; round++) {
            seeds = cells.stream().map(cell -> cell.getInteriorPoint().getCoordinate()).toList();
            cells = cells(area, seeds);
        }
        double row = Math.sqrt(area.getArea() / n);
        return cells.stream()
                .sorted(Comparator.comparingDouble((Geometry cell) -> Math.floor(-cell.getCentroid().getY() / row))
                        .thenComparingDouble(cell -> cell.getCentroid().getX()))
                .toList();
    }

    private static List<Geometry> cells(Geometry area, List<Coordinate> seeds) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        Envelope clip = new Envelope(area.getEnvelopeInternal());
        clip.expandBy(1000);
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(PLANE);
        List<Geometry> cells = new ArrayList<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = polygonal(diagram.getGeometryN(i).intersection(area));
            if (!cell.isEmpty()) {
                cells.add(cell);
            }
        }
        return cells;
    }

    @SuppressWarnings("unchecked")
    private static Geometry polygonal(Geometry geometry) {
        List<Polygon> parts = new ArrayList<>();
        for (Polygon part : (List<Polygon>) PolygonExtracter.getPolygons(geometry)) {
            if (part.getArea() > 1.0) {
                parts.add(part);
            }
        }
        return parts.size() == 1 ? parts.get(0) : PLANE.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    private Geometry toWgs84(Geometry plane) {
        double perDegreeLon = 111_320.0 * Math.cos(Math.toRadians(centreLat));
        AffineTransformation toDegrees = new AffineTransformation()
                .scale(1 / perDegreeLon, 1 / METRES_PER_DEGREE_LAT).translate(centreLon, centreLat);
        Geometry degrees = toDegrees.transform(plane);
        return WGS84.createGeometry(degrees);
    }
}
