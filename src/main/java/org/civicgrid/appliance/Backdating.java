package org.civicgrid.appliance;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * 补录时间 — lets one thread act at an earlier instant: inside {@link #at(Instant, Supplier)} the application's
 * {@link java.time.Clock} answers that instant on this thread only (every other thread keeps the real time). Used by
 * the demo's history generator to play months of cases through the real workflow; nothing else sets it.
 */
public final class Backdating {

    private static final ThreadLocal<Instant> AT = new ThreadLocal<>();

    private Backdating() {
    }

    /** Runs the work with the clock of this thread at {@code instant}; nests, restoring the outer instant. */
    public static <T> T at(Instant instant, Supplier<T> work) {
        Instant outer = AT.get();
        AT.set(Objects.requireNonNull(instant));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                AT.remove();
            } else {
                AT.set(outer);
            }
        }
    }

    /** The instant this thread acts at, or null when it acts now. */
    public static Instant current() {
        return AT.get();
    }
}
