package org.civicgrid.grid;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * 工作网格 — a patrol area: a group of unit grids given to one or more inspectors (三定: person, area, device). An
 * inspector may act on 核实/核查 tasks in their work grids that nobody in particular was given.
 */
@Entity
@Table(name = "work_grid")
public class WorkGrid extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    public String note;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "work_grid_unit", joinColumns = @JoinColumn(name = "work_grid_id"))
    @Column(name = "grid_code")
    public Set<String> gridCodes = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "work_grid_inspector", joinColumns = @JoinColumn(name = "work_grid_id"))
    @Column(name = "staff_id")
    public Set<Long> inspectorIds = new TreeSet<>();

    public static Optional<WorkGrid> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public static List<WorkGrid> allOrdered() {
        return list("order by code");
    }
}
