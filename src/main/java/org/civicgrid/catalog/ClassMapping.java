package org.civicgrid.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civicgrid.appliance.MemoTable;

/**
 * 新旧编码对照 — a legacy class and the GB/T 47678.5 class it corresponds to, with how the match was made:
 * {@code exact_name}, {@code same_minor} or {@code manual} (editorial, see the reference tables' notes).
 */
@Entity
@Table(name = "class_mapping")
@IdClass(ClassMapping.Key.class)
@EntityListeners(MemoTable.Changes.class)
public class ClassMapping extends PanacheEntityBase {

    @Id
    @Column(name = "legacy_ref")
    public String legacyRef;

    @Id
    @Column(name = "gb_ref")
    public String gbRef;

    @Column(name = "match_kind")
    public String match;

    /** The GB/T 47678.5 classes a legacy class maps to (usually one; 0181 maps to two). */
    public static List<ClassMapping> fromLegacy(String legacyRef) {
        return list("legacyRef = ?1 order by gbRef", legacyRef);
    }

    /** The legacy classes that map to a GB/T 47678.5 class. */
    public static List<ClassMapping> toGb(String gbRef) {
        return list("gbRef = ?1 order by legacyRef", gbRef);
    }

    /** Each class's counterparts in the other code system, in code order, kept in memory until a mapping or class changes. */
    private static final MemoTable<Map<String, List<String>>> COUNTERPARTS = MemoTable.of(() -> {
        Map<String, java.util.TreeSet<String>> refs = new java.util.HashMap<>();
        ClassMapping.<ClassMapping>streamAll().forEach(m -> {
            refs.computeIfAbsent(m.legacyRef, k -> new java.util.TreeSet<>()).add(m.gbRef);
            refs.computeIfAbsent(m.gbRef, k -> new java.util.TreeSet<>()).add(m.legacyRef);
        });
        Map<String, List<String>> copy = new java.util.HashMap<>();
        refs.forEach((ref, others) -> copy.put(ref, List.copyOf(others)));
        return Map.copyOf(copy);
    });

    /** The classes of the other code system that correspond to {@code ref} (either direction), in code order. */
    public static List<String> counterparts(String ref) {
        return ref == null ? List.of() : COUNTERPARTS.get().getOrDefault(ref, List.of());
    }

    /** Primary key: legacy reference and GB reference. */
    public static class Key implements Serializable {

        public String legacyRef;
        public String gbRef;

        public Key() {
        }

        public Key(String legacyRef, String gbRef) {
            this.legacyRef = legacyRef;
            this.gbRef = gbRef;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(legacyRef, key.legacyRef) && Objects.equals(gbRef, key.gbRef);
        }

        @Override
        public int hashCode() {
            return Objects.hash(legacyRef, gbRef);
        }
    }
}
