package org.civicgrid.grid;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 单元网格 (万米单元网格, CJ/T 213) — the smallest unit of area management: a polygon with a 15-character code inside one
 * community. The geometry is kept as WKT (WGS84 lon/lat) so the table reads the same in SQLite and PostgreSQL; the
 * bounding box and centre are stored beside it for quick map queries.
 */
@Entity
@Table(name = "unit_grid")
public class UnitGrid extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "street_code")
    public String streetCode;

    @Column(name = "community_code")
    public String communityCode;

    @Column(name = "geometry_wkt")
    public String geometryWkt;

    @Column(name = "area_m2")
    public double areaM2;

    @Column(name = "min_lat")
    public double minLat;

    @Column(name = "min_lon")
    public double minLon;

    @Column(name = "max_lat")
    public double maxLat;

    @Column(name = "max_lon")
    public double maxLon;

    @Column(name = "centre_lat")
    public double centreLat;

    @Column(name = "centre_lon")
    public double centreLon;

    /** First day the grid is in force; null: always. */
    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** Last day the grid is in force (a re-gridding retires it); null: open-ended. */
    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<UnitGrid> byCode(String code) {
        return findByIdOptional(code);
    }

    public static List<UnitGrid> allOrdered() {
        return list("order by code");
    }

    /** The grid as a polygon of the index and the topology check. */
    public GridIndex.Cell cell() {
        return new GridIndex.Cell(code, Wkt.read(geometryWkt));
    }

    /** Whether the grid is in force on {@code day}. */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
