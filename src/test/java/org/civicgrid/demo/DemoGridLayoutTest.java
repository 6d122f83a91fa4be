package org.civicgrid.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.junit.jupiter.api.Test;

/** The demo layout covers its outline exactly once, nests grids in their communities and is deterministic. */
class DemoGridLayoutTest {

    private static final List<DemoGridLayout.StreetPlan> PLAN = IntStream.range(0, 4)
            .mapToObj(s -> new DemoGridLayout.StreetPlan("37083100" + s, "S" + s, IntStream.range(1, s < 2 ? 5 : 3)
                    .mapToObj(c -> new DemoGridLayout.CommunityPlan("37083100" + s + "00" + c, "C" + c, s < 2 ? 30 : 12)).toList()))
            .toList();

    @Test
    void gridsCoverTheOutlineWithoutOverlapOrGap() {
        DemoGridLayout.Layout layout = new DemoGridLayout(7, 35.66, 117.27).generate(PLAN);
        assertEquals(8 * 30 + 4 * 12, layout.grids().size());
        double sum = layout.grids().stream().mapToDouble(g -> g.polygon().getArea()).sum();
        Geometry union = UnaryUnionOp.union(layout.grids().stream().map(DemoGridLayout.GridCell::polygon).toList());
        assertEquals(layout.outline().getArea(), sum, layout.outline().getArea() * 1e-9, "no overlaps: areas add up");
        assertEquals(layout.outline().getArea(), union.getArea(), layout.outline().getArea() * 1e-9, "no gaps");
        assertTrue(layout.grids().stream().allMatch(g -> g.polygon().isValid() && g.polygon().getSRID() == 4326));
        assertTrue(layout.outline().getEnvelopeInternal().contains(117.27, 35.66));
        assertTrue(layout.outline().getEnvelopeInternal().getWidth() < 0.1, "a county seat, not a province");
    }

    @Test
    void codesAreCommunityPlusSerialAndUnique() {
        DemoGridLayout.Layout layout = new DemoGridLayout(7, 35.66, 117.27).generate(PLAN);
        Set<String> codes = new HashSet<>();
        for (DemoGridLayout.GridCell grid : layout.grids()) {
            assertTrue(codes.add(grid.code()), grid.code());
            assertEquals(15, grid.code().length());
            assertTrue(grid.name().startsWith("C"), grid.name());
        }
        assertTrue(codes.contains("370831000001001") && codes.contains("370831000001030"));
    }

    @Test
    void theSameSeedDrawsTheSameCounty() {
        var first = new DemoGridLayout(7, 35.66, 117.27).generate(PLAN);
        var second = new DemoGridLayout(7, 35.66, 117.27).generate(PLAN);
        assertTrue(first.grids().get(100).polygon().equalsExact(second.grids().get(100).polygon()));
    }
}
