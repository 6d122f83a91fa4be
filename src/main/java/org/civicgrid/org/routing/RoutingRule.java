package org.civicgrid.org.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * 派遣规则 — one row of the routing table: cases of a class (a whole class {@code component:0101}, a major
 * {@code component:01}, or any class when null) in an area (a street, community or unit grid code, or the whole county
 * when null) go to a department. The most specific matching row ranks first.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "class_ref")
    public String classRef;

    @Column(name = "area_code")
    public String areaCode;

    @Column(name = "department_id")
    public Long departmentId;

    public String note;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<RoutingRule> allOrdered() {
        return list("order by classRef, areaCode, id");
    }
}
