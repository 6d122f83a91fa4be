package org.civicgrid.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civicgrid.appliance.MemoTable;

/**
 * 部件/事件分类 — one class of city component or incident in one code system, keyed by its reference
 * {@code kind:code}. GB/T 47678.5 classes are stored once per reference: a component class (majors 01–05) carries the
 * component's name, its matter "<name>异常" shares the code and the row; incident refs (06–10) carry the matter's
 * name. Classes are deactivated, never deleted: cases refer to them.
 */
@Entity
@EntityListeners(MemoTable.Changes.class)
@Table(name = "case_class")
public class CaseClass extends PanacheEntityBase {

    /** The reference, {@code component:0101} or {@code incident:06010}. */
    @Id
    public String ref;

    @Enumerated(EnumType.STRING)
    @Column(name = "code_system")
    public ClassSystem system;

    @Enumerated(EnumType.STRING)
    public ClassKind kind;

    /** Major + minor code, 4 (legacy) or 5 (GB/T 47678.5) digits. */
    public String code;

    @Column(name = "major_code")
    public String majorCode;

    @Column(name = "major_name")
    public String majorName;

    @Column(name = "minor_code")
    public String minorCode;

    public String name;

    /** Added by this site's admin as a local extension (numbered downward from 99 / 999), not from a standard. */
    @Column(name = "local_extension")
    public boolean local;

    public boolean active = true;

    public static Optional<CaseClass> byRef(String ref) {
        return ref == null ? Optional.empty() : findByIdOptional(ref);
    }

    /** Classes in code order, filtered by system and kind when given and by {@code q} (part of the name or code). */
    static List<CaseClass> search(ClassSystem system, ClassKind kind, String q, boolean includeInactive) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (system != null) {
            where.append(" and system = :system");
            parameters.and("system", system);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (name like :text or code like :prefix or ref = :ref)");
            parameters.and("text", "%" + q.trim() + "%").and("prefix", q.trim() + "%").and("ref", q.trim());
        }
        if (!includeInactive) {
            where.append(" and active = true");
        }
        return list(where + " order by system, kind, majorCode, code", parameters);
    }

    /** The minor codes already used in a major of one system and kind. */
    static Set<String> usedMinors(ClassSystem system, ClassKind kind, String majorCode) {
        return new TreeSet<>(inMajor(system, kind, majorCode).stream().map(c -> c.minorCode).toList());
    }

    /** The name of a major already holding classes of this system and kind. */
    static Optional<String> majorName(ClassSystem system, ClassKind kind, String majorCode) {
        return inMajor(system, kind, majorCode).stream().map(c -> c.majorName).findFirst();
    }

    static List<CaseClass> inMajor(ClassSystem system, ClassKind kind, String majorCode) {
        return list("system = ?1 and kind = ?2 and majorCode = ?3 order by code", system, kind, majorCode);
    }
}
