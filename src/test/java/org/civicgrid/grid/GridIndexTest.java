package org.civicgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Point-in-grid on a small hand-made cover: four squares meeting at one vertex, one of them with a hole that a fifth
 * grid fills, and a two-part grid. Codes are given out of order so "smallest code wins" is not insertion order.
 */
class GridIndexTest {

    private static final String SW = "370831001001004";
    private static final String SE = "370831001001002";
    private static final String NW = "370831001001003";
    private static final String NE = "370831001001001";
    private static final String HOLE_FILLER = "370831001001009";
    private static final String TWO_PARTS = "370831001001005";

    private final GridIndex index = GridIndex.of(List.of(
            cell(NE, "POLYGON ((117.001 35.001, 117.002 35.001, 117.002 35.002, 117.001 35.002, 117.001 35.001))"),
            cell(SE, "POLYGON ((117.001 35.000, 117.002 35.000, 117.002 35.001, 117.001 35.001, 117.001 35.000))"),
            cell(NW, "POLYGON ((117.000 35.001, 117.001 35.001, 117.001 35.002, 117.000 35.002, 117.000 35.001))"),
            cell(SW, "POLYGON ((117.000 35.000, 117.001 35.000, 117.001 35.001, 117.000 35.001, 117.000 35.000),"
                    + " (117.0004 35.0004, 117.0006 35.0004, 117.0006 35.0006, 117.0004 35.0006, 117.0004 35.0004))"),
            cell(HOLE_FILLER, "POLYGON ((117.0004 35.0004, 117.0006 35.0004, 117.0006 35.0006, 117.0004 35.0006, 117.0004 35.0004))"),
            cell(TWO_PARTS, "MULTIPOLYGON (((117.010 35.000, 117.011 35.000, 117.011 35.001, 117.010 35.000)),"
                    + " ((117.020 35.000, 117.021 35.000, 117.021 35.001, 117.020 35.000)))")));

    @Test
    void findsTheGridWhoseInteriorHoldsThePoint() {
        assertEquals(NE, index.locate(35.0015, 117.0015));
        assertEquals(SE, index.locate(35.0005, 117.0015));
        assertEquals(NW, index.locate(35.0015, 117.0005));
        assertEquals(SW, index.locate(35.0002, 117.0002));
        assertEquals(6, index.size());
    }

    @Test
    void aPointOnASharedEdgeOrVertexBelongsToTheSmallestCode() {
        assertEquals(NE, index.locate(35.001, 117.0015), "edge NE/SE");
        assertEquals(SE, index.locate(35.0005, 117.001), "edge SE/SW");
        assertEquals(NE, index.locate(35.001, 117.001), "vertex of all four");
        assertEquals(NW, index.locate(35.001, 117.0005), "edge NW/SW");
    }

    @Test
    void aHoleIsNotPartOfItsGridButOfTheGridThatFillsIt() {
        assertEquals(HOLE_FILLER, index.locate(35.0005, 117.0005));
        assertEquals(SW, index.locate(35.0004, 117.0005), "on the hole's ring: both cover it, SW has the smaller code");
    }

    @Test
    void eachPartOfAMultiPolygonCountsAndTheSpaceBetweenDoesNot() {
        assertEquals(TWO_PARTS, index.locate(35.0002, 117.0108));
        assertEquals(TWO_PARTS, index.locate(35.0002, 117.0208));
        assertNull(index.locate(35.0002, 117.015));
    }

    @Test
    void outsideEveryGridIsNull() {
        assertNull(index.locate(35.0030, 117.0015));
        assertNull(index.locate(34.9990, 117.0005));
        assertNull(GridIndex.of(List.of()).locate(35, 117));
    }

    @Test
    void theAnswerDoesNotDependOnTheOrderGridsWereIndexed() {
        List<GridIndex.Cell> cells = new ArrayList<>(List.of(
                cell(NE, "POLYGON ((117.001 35.001, 117.002 35.001, 117.002 35.002, 117.001 35.002, 117.001 35.001))"),
                cell(SE, "POLYGON ((117.001 35.000, 117.002 35.000, 117.002 35.001, 117.001 35.001, 117.001 35.000))"),
                cell(NW, "POLYGON ((117.000 35.001, 117.001 35.001, 117.001 35.002, 117.000 35.002, 117.000 35.001))")));
        for (int seed = 0; seed < 5; seed++) {
            Collections.shuffle(cells, new Random(seed));
            assertEquals(NE, GridIndex.of(cells).locate(35.001, 117.001));
        }
    }

    private static GridIndex.Cell cell(String code, String wkt) {
        return new GridIndex.Cell(code, Wkt.read(wkt));
    }
}
