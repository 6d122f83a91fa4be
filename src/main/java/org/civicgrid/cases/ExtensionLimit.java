package org.civicgrid.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/**
 * 延期限制 — how far a case of a class (or of any class, the site's row with no class) may be extended: at most
 * {@code maxCount} extensions adding up to at most {@code maxTotal}; beyond {@code leaderAfterCount} extensions
 * or {@code leaderAfterTotal} in all, 领导 approves instead of the dispatcher. Totals are compared as clock time
 * ({@link org.civicgrid.calendar.WorkingCalendar#allowance}: 1工作日 = one working day's hours).
 */
@Entity
@Table(name = "extension_limit")
public class ExtensionLimit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The class it applies to ({@code incident:0110}); null for the site's default. */
    @Column(name = "class_ref")
    public String classRef;

    @Column(name = "max_count")
    public int maxCount;

    @Column(name = "max_total")
    public String maxTotal;

    @Column(name = "leader_after_count")
    public int leaderAfterCount;

    @Column(name = "leader_after_total")
    public String leaderAfterTotal;

    /** The class's own row, else the site's. */
    static Optional<ExtensionLimit> forClass(String classRef) {
        Optional<ExtensionLimit> own = classRef == null ? Optional.empty() : find("classRef", classRef).firstResultOptional();
        return own.isPresent() ? own : find("classRef is null").firstResultOptional();
    }

    public static List<ExtensionLimit> allOrdered() {
        return list("order by classRef nulls first");
    }
}
