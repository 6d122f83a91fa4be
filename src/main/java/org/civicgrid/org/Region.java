package org.civicgrid.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import org.civicgrid.appliance.MemoTable;

/**
 * 行政区域 — the county, one of its streets/towns or one of their communities/villages, keyed by its code
 * (6 / 9 / 12 digits; codes are strings, leading zeros matter).
 */
@Entity
@EntityListeners(MemoTable.Changes.class)
@Table(name = "region")
public class Region extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "region_level")
    public RegionLevel level;

    @Column(name = "parent_code")
    public String parentCode;

    /** The outer boundary (WKT, WGS84 lon/lat) where known; the county's decides what is "in the county". */
    @Column(name = "boundary_wkt")
    public String boundaryWkt;

    public static Optional<Region> byCode(String code) {
        return findByIdOptional(code);
    }

    /** The county this site serves (the one region without a parent), if the site has been set up. */
    public static Optional<Region> county() {
        return find("level", RegionLevel.COUNTY).firstResultOptional();
    }

    public static List<Region> allOrdered() {
        return list("order by code");
    }
}
