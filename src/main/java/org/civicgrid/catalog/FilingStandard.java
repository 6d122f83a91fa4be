package org.civicgrid.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civicgrid.appliance.MemoTable;

/**
 * 立案标准 — one filing condition (立案条件) of a class with its handling time limit (处置时限) and closing condition
 * (结案条件), e.g. component:0101 "缺失、移位…存在安全隐患的" → 2 urgent_hour. The unit is kept as the calendar's word
 * ({@link #LIMIT_UNITS}); the calendar feature counts it. Deactivated, never deleted: filed cases refer to them.
 */
@Entity
@EntityListeners(MemoTable.Changes.class)
@Table(name = "filing_standard")
public class FilingStandard extends PanacheEntityBase {

    /**
     * The time-limit units: {@code urgent_hour} 紧急工作时 (wall-clock hours), {@code work_hour} 工作时,
     * {@code work_day} 工作日, {@code natural_day} 自然日.
     */
    public static final List<String> LIMIT_UNITS = List.of("urgent_hour", "work_hour", "work_day", "natural_day");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The class, {@code kind:code}; always a stored {@link CaseClass}. */
    @Column(name = "class_ref")
    public String classRef;

    /** 立案条件: when a problem of this class is filed under this standard. */
    @Column(name = "filing_condition")
    public String condition;

    /** The time limit, 1–999 units. */
    @Column(name = "limit_value")
    public int limitValue;

    /** One of {@link #LIMIT_UNITS}. */
    @Column(name = "limit_unit")
    public String limitUnit;

    /** 结案条件: what the department must have done for the case to be closed. */
    @Column(name = "closing_condition")
    public String closingCondition;

    public String note;

    public boolean active = true;

    /** 默认立案标准: written for a class that had no standard (own or mapped); the admin's edit makes it the site's own. */
    @Column(name = "default_standard")
    public boolean defaultStandard;

    @Version
    public int version;

    /** The first active standard of each class (by id), kept in memory until a standard or class changes. */
    private static final MemoTable<Map<String, Long>> FIRST_ACTIVE = MemoTable.of(() -> FilingStandard
            .<FilingStandard>list("active = true order by id").stream()
            .collect(Collectors.toUnmodifiableMap(s -> s.classRef, s -> s.id, (first, later) -> first)));

    /**
     * The id of the first active standard that applies to a class ({@code forClass(ref).get(0)}): its own first, else
     * that of its first counterpart in the other code system (counterparts in code order, as {@link #forClass}
     * lists them); the standards from memory. Empty if none applies.
     */
    public static Optional<Long> firstActiveId(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        Map<String, Long> first = FIRST_ACTIVE.get();
        Long own = first.get(ref);
        if (own != null) {
            return Optional.of(own);
        }
        return ClassMapping.counterparts(ref).stream().map(first::get).filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * The active filing standards that apply to a class, in the order they were entered: its own, then those of its
     * counterparts in the other code system through the legacy → GB/T 47678.5 mapping ({@link ClassMapping}), so a
     * GB/T 47678.5 case files under the 运城 standards of its legacy class and back.
     */
    public static List<FilingStandard> forClass(String ref) {
        if (ref == null) {
            return List.of();
        }
        List<FilingStandard> own = list("classRef = ?1 and active = true order by id", ref);
        List<String> mapped = ClassMapping.counterparts(ref);
        if (mapped.isEmpty()) {
            return own;
        }
        List<FilingStandard> all = new java.util.ArrayList<>(own);
        all.addAll(list("classRef in ?1 and active = true order by classRef, id", mapped));
        return all;
    }

    /** The ids of each class's active standards, kept in memory until a standard or class changes. */
    private static final MemoTable<Map<String, Set<Long>>> ACTIVE_IDS = MemoTable.of(() -> FilingStandard
            .<FilingStandard>list("active = true").stream()
            .collect(Collectors.groupingBy(s -> s.classRef, Collectors.mapping(s -> s.id, Collectors.toUnmodifiableSet()))));

    /**
     * Whether this standard may file a case of class {@code ref} (its own class or a mapped one): one of
     * {@link #forClass}, answered from memory (立案 of every case of an alert storm asks).
     */
    public boolean appliesTo(String ref) {
        if (!active || ref == null) {
            return false;
        }
        Map<String, Set<Long>> ids = ACTIVE_IDS.get();
        return ids.getOrDefault(ref, Set.of()).contains(id)
                || ClassMapping.counterparts(ref).stream().anyMatch(other -> ids.getOrDefault(other, Set.of()).contains(id));
    }

    static List<FilingStandard> allOfClass(String ref) {
        return list("classRef = ?1 order by id", ref);
    }

    static List<FilingStandard> allOrdered() {
        return list("order by classRef, id");
    }

    static Optional<FilingStandard> byClassAndCondition(String ref, String condition) {
        return find("classRef = ?1 and condition = ?2", ref, condition).firstResultOptional();
    }
}
