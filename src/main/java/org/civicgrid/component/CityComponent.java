package org.civicgrid.component;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.civicgrid.catalog.ClassSystem;

/**
 * 部件 (城市管理部件, GB/T 30428.2 / GB/T 47678.5) — one piece of public equipment in the street: a manhole cover, a
 * street lamp, a litter bin, a street tree. Its id is its {@link ComponentCode}; its position a WGS84 point with the
 * unit grid, community and street the geocoder gave at import; 主管 (owner), 权属 (property) and 养护 (maintainer)
 * departments route the cases raised on it.
 */
@Entity
@Table(name = "city_component")
public class CityComponent extends PanacheEntityBase {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "code_system")
    public ClassSystem system;

    @Column(name = "class_ref")
    public String classRef;

    public String name;

    @Enumerated(EnumType.STRING)
    public ComponentState state;

    public double lat;

    public double lon;

    @Column(name = "grid_code")
    public String gridCode;

    @Column(name = "community_code")
    public String communityCode;

    @Column(name = "street_code")
    public String streetCode;

    public String address;

    /** 主管部门. */
    @Column(name = "owner_department_id")
    public Long ownerDepartmentId;

    /** 权属单位. */
    @Column(name = "property_department_id")
    public Long propertyDepartmentId;

    /** 养护单位. */
    @Column(name = "maintainer_department_id")
    public Long maintainerDepartmentId;

    @Column(name = "installed_on")
    public LocalDate installedOn;

    @Column(name = "surveyed_on")
    public LocalDate surveyedOn;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Where the record comes from: 普查 (survey), 巡查 (patrol), 导入 (import). */
    @Column(name = "data_source")
    public String dataSource;

    @Enumerated(EnumType.STRING)
    @Column(name = "accuracy_class")
    public AccuracyClass accuracyClass;

    public String note;
}
