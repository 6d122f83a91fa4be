package org.civicgrid.component;

import java.util.function.Predicate;
import org.civicgrid.catalog.ClassSystem;

/**
 * 部件标识码 — a city component's identifier: legacy (CJ/T 214 / GB/T 30428.2) 16 digits = 6 county (GB/T 2260) + 2
 * major + 2 minor + 6 serial, class {@code component:MMmm}; GB/T 47678.5 17 digits = 6 + 2 + 3 + 6, class
 * {@code component:MMmmm}. Digits only; a string value, never a number.
 */
public record ComponentCode(String value) {

    public ComponentCode {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why {@code code} is not shaped like a component identifier, or null when it is. */
    public static String problem(String code) {
        if (code == null || code.isBlank()) {
            return "the component id is missing";
        }
        if (code.length() != 16 && code.length() != 17) {
            return "component id '" + code + "' has " + code.length() + " characters; legacy ids have 16 (6 county + 2 + 2 class + 6 serial),"
                    + " GB/T 47678.5 ids 17 (6 county + 2 + 3 class + 6 serial)";
        }
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "component id '" + code + "' must be digits only";
        }
        return null;
    }

    /**
     * Why {@code code} is not a component identifier of this site, or null: its shape, its county against
     * {@code countyCode}, and its class part against {@code activeClass} (a test of class references such as
     * {@code component:0101} that are active component classes).
     */
    public static String problem(String code, String countyCode, Predicate<String> activeClass) {
        String shape = problem(code);
        if (shape != null) {
            return shape;
        }
        ComponentCode id = new ComponentCode(code);
        if (countyCode != null && !id.countyCode().equals(countyCode)) {
            return "component id " + code + " starts with county " + id.countyCode() + ", this centre serves county " + countyCode;
        }
        if (!activeClass.test(id.classRef())) {
            return "component id " + code + ": characters 7–" + (6 + id.classCode().length()) + " (" + id.classCode()
                    + ") are not an active " + (id.system() == ClassSystem.LEGACY ? "legacy" : "GB/T 47678.5") + " component class";
        }
        return null;
    }

    public ClassSystem system() {
        return value.length() == 16 ? ClassSystem.LEGACY : ClassSystem.GBT47678;
    }

    public String countyCode() {
        return value.substring(0, 6);
    }

    /** The class code: 4 digits (legacy) or 5 (GB/T 47678.5), characters 7–10 or 7–11. */
    public String classCode() {
        return value.substring(6, value.length() - 6);
    }

    /** The class reference, e.g. {@code component:0101}. */
    public String classRef() {
        return "component:" + classCode();
    }

    /** The 6-digit serial within county and class. */
    public String serial() {
        return value.substring(value.length() - 6);
    }

    @Override
    public String toString() {
        return value;
    }
}
