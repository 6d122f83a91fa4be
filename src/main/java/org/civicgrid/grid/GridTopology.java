package org.civicgrid.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * 网格拓扑检查 — overlaps between unit grids and gaps in their cover of the county, the two faults a grid survey
 * must not have (every point of the county in exactly one grid). Pure: takes polygons, returns findings.
 */
public final class GridTopology {

    /** Two grids overlap by {@code areaM2}. */
    public record Overlap(String first, String second, double areaM2) {
    }

    /** An area of {@code areaM2} inside the county (or inside the grids' outline) that no grid covers. */
    public record Gap(double areaM2, double lat, double lon) {
    }

    private static final int MAX_FINDINGS = 100;

    private GridTopology() {
    }

    /** Overlaps of more than {@code minAreaM2} that involve at least one grid of {@code checked}. */
    static List<Overlap> overlaps(List<GridIndex.Cell> cells, Set<String> checked, double minAreaM2) {
        STRtree tree = new STRtree();
        cells.forEach(cell -> tree.insert(cell.polygon().getEnvelopeInternal(), cell));
        List<Overlap> found = new ArrayList<>();
        for (GridIndex.Cell cell : cells) {
            if (!checked.contains(cell.code())) {
                continue;
            }
            for (Object item : tree.query(cell.polygon().getEnvelopeInternal())) {
                GridIndex.Cell other = (GridIndex.Cell) item;
                boolean pairCountedElsewhere = checked.contains(other.code()) && other.code().compareTo(cell.code()) <= 0;
                if (other == cell || pairCountedElsewhere || !cell.polygon().intersects(other.polygon())) {
                    continue;
                }
                double area = LocalMetres.area(cell.polygon().intersection(other.polygon()));
                if (area > minAreaM2) {
                    found.add(new Overlap(cell.code(), other.code(), Math.round(area * 10) / 10.0));
                }
            }
        }
        found.sort(Comparator.comparingDouble(Overlap::areaM2).reversed());
        return found.size() > MAX_FINDINGS ? found.subList(0, MAX_FINDINGS) : found;
    }

    /**
     * Gaps: the parts of {@code boundary} no grid covers, or, without a boundary, the holes in the union of the grids
     * (areas enclosed by grids but in none).
     */
    static List<Gap> gaps(List<GridIndex.Cell> cells, Geometry boundary, double minAreaM2) {
        if (cells.isEmpty()) {
            return List.of();
        }
        Geometry union = UnaryUnionOp.union(cells.stream().map(GridIndex.Cell::polygon).toList());
        List<Geometry> pieces = new ArrayList<>();
        if (boundary != null) {
            Geometry uncovered = boundary.difference(union);
            for (int i = 0; i < uncovered.getNumGeometries(); i++) {
                pieces.add(uncovered.getGeometryN(i));
            }
        } else {
            for (int i = 0; i < union.getNumGeometries(); i++) {
                Polygon part = (Polygon) union.getGeometryN(i);
                for (int h = 0; h < part.getNumInteriorRing(); h++) {
                    pieces.add(part.getFactory().createPolygon(part.getInteriorRingN(h).getCoordinates()));
                }
            }
        }
        List<Gap> found = new ArrayList<>();
        for (Geometry piece : pieces) {
            double area = LocalMetres.area(piece);
            if (area > minAreaM2) {
                Point inside = piece.getInteriorPoint();
                found.add(new Gap(Math.round(area * 10) / 10.0, inside.getY(), inside.getX()));
            }
        }
        found.sort(Comparator.comparingDouble(Gap::areaM2).reversed());
        return found.size() > MAX_FINDINGS ? found.subList(0, MAX_FINDINGS) : found;
    }
}
