package org.civicgrid.demo;

import java.util.Random;
import org.civicgrid.grid.Wkt;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;

/** 演示随机点 — random points strictly inside one grid polygon (WKT, lon/lat), drawn from its envelope and kept when inside. */
final class DemoPoints {

    private static final int TRIES = 200;

    private final Geometry polygon;
    private final Envelope box;
    private final IndexedPointInAreaLocator locator;
    private final Random random;

    DemoPoints(String wkt, Random random) {
        this.polygon = Wkt.read(wkt);
        this.box = polygon.getEnvelopeInternal();
        this.locator = new IndexedPointInAreaLocator(polygon);
        this.random = random;
    }

    /** A point {@code {lat, lon}} inside the polygon (its interior point if the draws keep missing). */
    double[] next() {
        for (int i = 0; i < TRIES; i++) {
            Coordinate c = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(), box.getMinY() + random.nextDouble() * box.getHeight());
            if (locator.locate(c) == Location.INTERIOR) {
                return new double[] {Math.round(c.y * 1e7) / 1e7, Math.round(c.x * 1e7) / 1e7};
            }
        }
        Coordinate inside = polygon.getInteriorPoint().getCoordinate();
        return new double[] {inside.y, inside.x};
    }
}
