package org.civicgrid.catalog;

import java.util.Locale;
import java.util.Optional;
import org.civicgrid.web.Problem;

/**
 * 编码体系 — the standard a class code follows: legacy 2+2 digits (CJ/T 214 / GB/T 30428.2, 运城 subset) or
 * GB/T 47678.5-2026 2+3 digits. The length of a code tells its system.
 */
public enum ClassSystem {
    LEGACY(2),
    GBT47678(3);

    private final int minorDigits;

    ClassSystem(int minorDigits) {
        this.minorDigits = minorDigits;
    }

    /** Digits of the minor (小类) code: 2 legacy, 3 GB/T 47678.5. */
    public int minorDigits() {
        return minorDigits;
    }

    /** The highest minor code, 99 or 999: local extensions are numbered downward from it. */
    public int topMinor() {
        return minorDigits == 2 ? 99 : 999;
    }

    /** The minor code {@code n} written with this system's digits, e.g. 98 → {@code 98}, 998 → {@code 998}. */
    public String minor(int n) {
        return String.format(Locale.ROOT, "%0" + minorDigits + "d", n);
    }

    /** The word for this system in query parameters and forms: {@code legacy} or {@code gbt47678}. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The system of a class code by its length: 4 digits legacy, 5 digits GB/T 47678.5. */
    public static Optional<ClassSystem> ofCode(String code) {
        if (code == null || !code.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return switch (code.length()) {
            case 4 -> Optional.of(LEGACY);
            case 5 -> Optional.of(GBT47678);
            default -> Optional.empty();
        };
    }

    /** Reads {@code legacy} or {@code gbt47678} (any case); a bad value is a 400 naming {@code field}. */
    static ClassSystem parse(String field, String value) {
        String text = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (ClassSystem system : values()) {
            if (system.name().equals(text)) {
                return system;
            }
        }
        throw Problem.badRequest(field, "use legacy or gbt47678");
    }
}
