package org.civicgrid.catalog;

import java.util.ArrayList;
import java.util.List;

/** 分类视图 — the JSON shapes of classes, filing standards and imports, and the bodies admins send. */
public final class CatalogViews {

    private CatalogViews() {
    }

    /**
     * One major class (大类) of one system and kind with its classes: the shape of the class picker
     * ({@code GET /api/catalog/classes}), one {@code <optgroup>} per major.
     */
    public record MajorGroup(ClassSystem system, ClassKind kind, String majorCode, String majorName, List<ClassItem> classes) {
    }

    /** A class in a picker: the reference to store, the code and name to show, whether it is a local extension. */
    public record ClassItem(String ref, String code, String name, boolean local, boolean active) {
        static ClassItem of(CaseClass c) {
            return new ClassItem(c.ref, c.code, c.name, c.local, c.active);
        }
    }

    /** A class with its filing standards and its correspondence in the other code system. */
    public record ClassDetail(String ref, ClassSystem system, ClassKind kind, String code, String majorCode, String majorName,
            String minorCode, String name, boolean local, boolean active, List<StandardView> standards, List<MappedClass> mapsTo,
            List<MappedClass> mappedFrom) {
    }

    /** The other side of a mapping row: the class, its name and how the match was made. */
    public record MappedClass(String ref, String name, String match) {
    }

    /** A filing standard as the API shows it. */
    public record StandardView(Long id, String classRef, String condition, int limitValue, String limitUnit, String closingCondition,
            String note, boolean active, boolean defaultStandard) {
        static StandardView of(FilingStandard s) {
            return new StandardView(s.id, s.classRef, s.condition, s.limitValue, s.limitUnit, s.closingCondition, s.note, s.active,
                    s.defaultStandard);
        }
    }

    /** Body of a new local class: system, kind, major code (and its name when the major is new) and the class name. */
    public record ClassForm(String system, String kind, String majorCode, String majorName, String name) {
    }

    /** Body of a new or changed filing standard. */
    public record StandardForm(String classRef, String condition, Integer limitValue, String limitUnit, String closingCondition,
            String note, Boolean active) {
    }

    /** Answer of a CSV import: rows added, rows that changed a stored standard, rows equal to it, rows refused. */
    public record ImportReport(int imported, int updated, int unchanged, List<RejectedRow> rejected) {
    }

    /** A refused CSV row: its line in the file (the header is line 1) and why. */
    public record RejectedRow(long line, String reason) {
    }

    /** Groups classes (in system, kind, major, code order) by major. */
    static List<MajorGroup> byMajor(List<CaseClass> classes) {
        List<MajorGroup> groups = new ArrayList<>();
        MajorGroup current = null;
        for (CaseClass c : classes) {
            if (current == null || current.system() != c.system || current.kind() != c.kind || !current.majorCode().equals(c.majorCode)) {
                current = new MajorGroup(c.system, c.kind, c.majorCode, c.majorName, new ArrayList<>());
                groups.add(current);
            }
            current.classes().add(ClassItem.of(c));
        }
        return groups;
    }
}
