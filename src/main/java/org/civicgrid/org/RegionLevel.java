package org.civicgrid.org;

import java.util.Arrays;
import java.util.Optional;

/**
 * 区划层级 — county (县/区, 6-digit GB/T 2260 code), street or town (街道/乡镇, +3 digits), community or
 * village (社区/村, +3 digits). The level follows from the code's length.
 */
public enum RegionLevel {
    COUNTY(6),
    STREET(9),
    COMMUNITY(12);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    /** The level above this one, empty for the county. */
    public Optional<RegionLevel> parent() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** The level of a well-formed region code (digits only, 6, 9 or 12 long). */
    public static Optional<RegionLevel> ofCode(String code) {
        if (code == null || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(level -> level.codeLength == code.length()).findFirst();
    }
}
