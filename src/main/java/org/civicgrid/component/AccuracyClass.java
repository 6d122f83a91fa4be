package org.civicgrid.component;

import java.util.Locale;

/** 定位精度等级 — positional accuracy of a surveyed component: A ±0.5 m (井盖, 路灯), B ±1 m (垃圾箱, 亭, 广告), C ±10 m. */
public enum AccuracyClass {
    A(0.5),
    B(1),
    C(10);

    private final double metres;

    AccuracyClass(double metres) {
        this.metres = metres;
    }

    /** The tolerance of the class in metres. */
    public double metres() {
        return metres;
    }

    /** Reads A, B or C (any case); null or blank is null; otherwise an exception. */
    static AccuracyClass parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("accuracy class '" + text.trim() + "' is not A (±0.5 m), B (±1 m) or C (±10 m)");
        }
    }
}
