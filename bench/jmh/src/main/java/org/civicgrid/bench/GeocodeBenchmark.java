package org.civicgrid.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.civicgrid.demo.DemoGridLayout;
import org.civicgrid.grid.GridIndex;
import org.locationtech.jts.geom.Envelope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point → unit grid ({@link GridIndex#locate}) on a county of irregular block-shaped grids drawn by the demo layout
 * (Voronoi cells of relaxed seeds nested in 12 communities of 4 streets): {@code grids} in total, 10,000 for the
 * issue's goal (≥ 1,000,000 lookups/s per core) and 528 as in the demo county.
 *
 * <p>Each call looks up the next of 8,192 points drawn uniformly over the county's bounding box with a fixed seed:
 * most fall inside a grid, those beyond the irregular outline fall in none, as on a real hotline map. One thread, so
 * the figure is per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class GeocodeBenchmark {

    static final int POINTS = 8192; // a power of two: the cursor wraps with a mask

    @Param({"10000", "528"})
    int grids;

    GridIndex index;
    double[] lats;
    double[] lons;
    int cursor;
    int hits;

    @Setup(Level.Trial)
    public void build() {
        int perCommunity = (int) Math.ceil(grids / 12.0);
        List<DemoGridLayout.StreetPlan> plan = IntStream.range(0, 4).mapToObj(s -> new DemoGridLayout.StreetPlan(
                "37083100" + s, "S" + s, IntStream.range(1, 4).mapToObj(c -> new DemoGridLayout.CommunityPlan(
                        "37083100" + s + "00" + c, "C" + c, perCommunity)).toList())).toList();
        DemoGridLayout.Layout layout = new DemoGridLayout(370831, 35.66, 117.27).generate(plan);
        index = GridIndex.of(layout.grids().stream().map(g -> new GridIndex.Cell(g.code(), g.polygon())).toList());
        Envelope box = layout.outline().getEnvelopeInternal();
        Random random = new Random(20261122L);
        lats = new double[POINTS];
        lons = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            lats[i] = box.getMinY() + random.nextDouble() * box.getHeight();
            lons[i] = box.getMinX() + random.nextDouble() * box.getWidth();
            hits += index.locate(lats[i], lons[i]) == null ? 0 : 1;
        }
        System.out.printf("%n%d grids indexed; %d of %d query points fall in a grid%n", index.size(), hits, POINTS);
    }

    @Benchmark
    public String locate() {
        int i = cursor++ & (POINTS - 1);
        return index.locate(lats[i], lons[i]);
    }
}
