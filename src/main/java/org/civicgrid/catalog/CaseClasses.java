package org.civicgrid.catalog;

import java.util.Optional;
import java.util.regex.Pattern;
import org.civicgrid.web.Problem;

/**
 * 分类查询 — the entry point other features use to check a class reference ({@code kind:code}). Call inside a
 * transaction or request, like any entity query.
 */
public final class CaseClasses {

    /**
     * The shape of a class reference: kind and code, {@code component:0101} or {@code incident:06010}; legacy 2+2 or
     * GB/T 47678.5 2+3 digits.
     */
    public static final Pattern REF = Pattern.compile("(component|incident):(\\d{4}|\\d{5})");

    private CaseClasses() {
    }

    /** The stored class with this reference (active or not: existing cases keep their class), if any. */
    public static Optional<CaseClass> find(String ref) {
        return ref == null ? Optional.empty() : CaseClass.byRef(ref.trim());
    }

    /** The stored class with this reference; otherwise a 400 on field {@code classCode}: "unknown class". */
    public static CaseClass require(String ref) {
        return find(ref).orElseThrow(() -> Problem.badRequest("classCode", "unknown class '" + ref + "'"));
    }
}
