package org.civicgrid.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by polling, with a generous limit so a loaded machine only slows a test down, never fails it. */
public final class Await {

    private Await() {
    }

    /** Polls every 50 ms until {@code condition} holds; fails with {@code what} after {@code limit}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("gave up waiting after " + limit + " for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }

    /** {@link #until(String, Duration, BooleanSupplier)} with one minute. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofMinutes(1), condition);
    }
}
