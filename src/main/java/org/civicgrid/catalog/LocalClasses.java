package org.civicgrid.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.civicgrid.catalog.CatalogViews.ClassForm;
import org.civicgrid.web.Problem;

/**
 * 本地扩展分类 — adds a class a county needs that no standard lists. Its minor code is numbered downward from 99
 * (legacy) or 999 (GB/T 47678.5) within the major, skipping codes in use, so local codes stay clear of the national
 * ones that grow upward from 01 / 001.
 */
@ApplicationScoped
public class LocalClasses {

    private static final Pattern MAJOR = Pattern.compile("\\d{2}");
    static final int MAX_NAME = 100;

    @Transactional
    public CaseClass add(ClassForm form) {
        if (form == null) {
            throw Problem.badRequest(null, "send a JSON class {system, kind, majorCode, majorName, name}");
        }
        ClassSystem system = ClassSystem.parse("system", form.system());
        ClassKind kind = ClassKind.parse("kind", form.kind());
        String major = majorCode(form.majorCode());
        if (system == ClassSystem.GBT47678 && ClassKind.ofGbMajor(major) != kind) {
            throw Problem.badRequest("kind", "GB/T 47678.5 majors 01-05 hold component classes, 06 and above incident matters");
        }
        String name = name("name", form.name());
        Optional<String> knownMajorName = CaseClass.majorName(system, kind, major);
        String majorName = knownMajorName.isPresent() ? knownMajorName.get() : name("majorName", form.majorName());
        if (CaseClass.inMajor(system, kind, major).stream().anyMatch(c -> c.name.equals(name))) {
            throw Problem.conflict("duplicate", "major " + major + " already holds a class named '" + name + "'");
        }
        String minor = nextLocalMinor(system, CaseClass.usedMinors(system, kind, major))
                .orElseThrow(() -> Problem.conflict("major_full", "major " + major + " has no free minor code left"));
        CaseClass added = new CaseClass();
        added.system = system;
        added.kind = kind;
        added.code = major + minor;
        added.ref = kind.ref(added.code);
        added.majorCode = major;
        added.majorName = majorName;
        added.minorCode = minor;
        added.name = name;
        added.local = true;
        added.persist();
        DefaultStandards.ensure(added.ref);
        return added;
    }

    /** The highest minor code of the system not in {@code used}: 99, 98, … (legacy) or 999, 998, … (GB/T 47678.5). */
    static Optional<String> nextLocalMinor(ClassSystem system, Set<String> used) {
        for (int n = system.topMinor(); n >= 1; n--) {
            String minor = system.minor(n);
            if (!used.contains(minor)) {
                return Optional.of(minor);
            }
        }
        return Optional.empty();
    }

    private static String majorCode(String value) {
        String major = value == null ? "" : value.trim();
        if (!MAJOR.matcher(major).matches() || "00".equals(major)) {
            throw Problem.badRequest("majorCode", "use the 2-digit major code, 01-99");
        }
        return major;
    }

    private static String name(String field, String value) {
        String name = FilingStandards.required(field, value);
        if (name.length() > MAX_NAME) {
            throw Problem.badRequest(field, "at most " + MAX_NAME + " characters");
        }
        return name;
    }
}
