package org.civicgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridTopologyTest {

    private static final GridIndex.Cell A = cell("A", "POLYGON ((117.000 35.000, 117.001 35.000, 117.001 35.001, 117.000 35.001, 117.000 35.000))");
    private static final GridIndex.Cell B = cell("B", "POLYGON ((117.001 35.000, 117.002 35.000, 117.002 35.001, 117.001 35.001, 117.001 35.000))");
    /** Overlaps B by 0.0002° × 0.001° ≈ 18 m × 111 m. */
    private static final GridIndex.Cell C = cell("C", "POLYGON ((117.0018 35.000, 117.003 35.000, 117.003 35.001, 117.0018 35.001, 117.0018 35.000))");

    @Test
    void reportsOverlapsOnceWithTheirArea() {
        List<GridTopology.Overlap> overlaps = GridTopology.overlaps(List.of(A, B, C), Set.of("A", "B", "C"), 1.0);
        assertEquals(1, overlaps.size());
        assertEquals(Set.of("B", "C"), Set.of(overlaps.get(0).first(), overlaps.get(0).second()));
        assertEquals(0.0002 * 0.001 * LocalMetres.perDegreeLon(35.0005) * LocalMetres.PER_DEGREE_LAT, overlaps.get(0).areaM2(), 1.0);
        assertTrue(GridTopology.overlaps(List.of(A, B, C), Set.of("A"), 1.0).isEmpty(), "only overlaps of the checked grids");
    }

    @Test
    void reportsTheUncoveredPartOfTheBoundaryAsAGap() {
        var boundary = Wkt.read("POLYGON ((117.000 35.000, 117.003 35.000, 117.003 35.001, 117.000 35.001, 117.000 35.000))");
        List<GridTopology.Gap> gaps = GridTopology.gaps(List.of(A, B), boundary, 1.0);
        assertEquals(1, gaps.size());
        assertEquals(0.001 * 0.001 * LocalMetres.perDegreeLon(35.0005) * LocalMetres.PER_DEGREE_LAT, gaps.get(0).areaM2(), 1.0);
        assertTrue(gaps.get(0).lon() > 117.002, "the gap's point lies in it");
        assertTrue(GridTopology.gaps(List.of(A, B, C), boundary, 1.0).isEmpty());
    }

    @Test
    void withoutABoundaryHolesEnclosedByGridsAreGaps() {
        var ring = cell("R", "POLYGON ((117.000 35.000, 117.003 35.000, 117.003 35.003, 117.000 35.003, 117.000 35.000),"
                + " (117.001 35.001, 117.002 35.001, 117.002 35.002, 117.001 35.002, 117.001 35.001))");
        assertEquals(1, GridTopology.gaps(List.of(ring), null, 1.0).size());
        assertTrue(GridTopology.gaps(List.of(A, B), null, 1.0).isEmpty());
    }

    private static GridIndex.Cell cell(String code, String wkt) {
        return new GridIndex.Cell(code, Wkt.read(wkt));
    }
}
