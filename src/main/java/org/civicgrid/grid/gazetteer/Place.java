package org.civicgrid.grid.gazetteer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 地名地址 (gazetteer entry) — a road, landmark or door address with its WGS84 position. A road's point is its
 * midpoint; its {@link #line} (WKT {@code LINESTRING (lon lat, …)}) and door-number range let the
 * {@link Gazetteer} place door numbers that have no entry of their own. Identified by kind, name and address.
 */
@Entity
@Table(name = "place")
public class Place extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public PlaceKind kind;

    public String name;

    /** Other names people use, comma-separated (e.g. 人民医院,县医院). */
    public String alias;

    /** Where it is, for people: e.g. 泗河街道 泉林路. */
    public String address;

    public double lat;

    public double lon;

    /** Roads only: WKT LINESTRING in WGS84 (lon lat). */
    public String line;

    @Column(name = "number_from")
    public Integer numberFrom;

    @Column(name = "number_to")
    public Integer numberTo;

    @Column(name = "street_code")
    public String streetCode;

    @Column(name = "community_code")
    public String communityCode;

    static List<Place> allOrdered() {
        return list("order by kind, name, id");
    }

    static List<Place> ofKind(PlaceKind kind) {
        return list("kind = ?1 order by name, id", kind);
    }

    /** The stored place with this kind, name and address (a missing address matches only a missing one). */
    static Optional<Place> same(PlaceKind kind, String name, String address) {
        return Place.<Place>list("kind = ?1 and name = ?2", kind, name).stream()
                .filter(p -> Objects.equals(p.address, address)).findFirst();
    }
}
