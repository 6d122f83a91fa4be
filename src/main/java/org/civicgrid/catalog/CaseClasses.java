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

    /**
     * The stored class with this reference — or with this bare code: 5 digits are GB/T 47678.5 (one class per code:
     * majors 01–05 components, 06 and up matters), 4 digits legacy, where a component and an event may share the code:
     * then a 400 asks for the kind instead of guessing. Otherwise a 400 on field {@code classCode}: "unknown class".
     */
    public static CaseClass require(String ref) {
        String text = ref == null ? "" : ref.trim();
        if (BARE.matcher(text).matches()) {
            java.util.List<CaseClass> found = CaseClass.list("code = ?1 order by kind", text);
            if (found.size() > 1) {
                throw Problem.badRequest("classCode", "code " + text + " is both " + String.join(" and ",
                        found.stream().map(c -> c.ref).toList()) + ": write the kind too");
            }
            if (found.size() == 1) {
                return found.get(0);
            }
        }
        return find(text).orElseThrow(() -> Problem.badRequest("classCode", "unknown class '" + ref + "'"));
    }

    /** A bare class code: 4 digits (legacy) or 5 (GB/T 47678.5), without the kind. */
    public static final Pattern BARE = Pattern.compile("\\d{4}|\\d{5}");
}
