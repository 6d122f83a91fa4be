package org.civicgrid.grid;

import java.util.regex.Pattern;

/**
 * 单元网格代码 (CJ/T 213) — 15 characters: 6-digit county (GB/T 2260) + 3 street + 3 community + 3 serial. Street,
 * community and serial may use 0-9 and A-Z (some cities letter their serials). A string value, never a number.
 */
public record GridCode(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{6}[0-9A-Z]{9}");

    public GridCode {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why {@code code} is not a unit grid code, or null when it is one. */
    public static String problem(String code) {
        if (code == null || code.isBlank()) {
            return "the grid code is missing";
        }
        if (code.length() != 15) {
            return "grid code '" + code + "' has " + code.length() + " characters, a unit grid code has 15 (6 county + 3 street + 3 community + 3 serial)";
        }
        if (!SHAPE.matcher(code).matches()) {
            return "grid code '" + code + "' must be 6 digits of county code then 9 characters 0-9 or A-Z";
        }
        return null;
    }

    public String countyCode() {
        return value.substring(0, 6);
    }

    /** The 9-character street/town code (county + street). */
    public String streetCode() {
        return value.substring(0, 9);
    }

    /** The 12-character community/village code (county + street + community). */
    public String communityCode() {
        return value.substring(0, 12);
    }

    @Override
    public String toString() {
        return value;
    }
}
