package org.civicgrid.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civicgrid.appliance.MemoTable;

/**
 * 处置部门 — a department that handles cases: the classes it owns and the streets/communities it answers for
 * (an empty area means the whole county). Departments are deactivated, never deleted: cases refer to them.
 */
@Entity
@EntityListeners(MemoTable.Changes.class)
@Table(name = "department")
public class Department extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Short stable identifier chosen by the admin, e.g. {@code huanwei}. */
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public DepartmentKind kind;

    public String phone;

    public boolean active = true;

    @Version
    public int version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "department_class", joinColumns = @JoinColumn(name = "department_id"))
    @Column(name = "class_code")
    public Set<String> classCodes = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "department_area", joinColumns = @JoinColumn(name = "department_id"))
    @Column(name = "region_code")
    public Set<String> areaCodes = new TreeSet<>();

    public static Optional<Department> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public static List<Department> allOrdered() {
        return list("order by kind, code");
    }

    public static List<Department> activeOrdered() {
        return list("active = true order by kind, code");
    }
}
