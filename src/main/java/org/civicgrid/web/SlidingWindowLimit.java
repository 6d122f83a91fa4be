package org.civicgrid.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * 滑动窗口限流 — at most N events per key (an API key, a client address) within a sliding window, counted on the
 * monotonic clock (a rate, not a business time). Once per window the keys whose window has emptied are dropped, so a
 * public endpoint seen by many addresses does not keep them all.
 *
 * @param <K> what is limited: an API key id, a client address
 */
public final class SlidingWindowLimit<K> {

    private final IntSupplier max;
    private final Supplier<Duration> window;
    private final Map<K, Deque<Long>> seen = new ConcurrentHashMap<>();
    /** Once per window a call also drops the keys whose window has emptied. */
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

    /** Limits read from config on every call, so a changed setting applies at once. */
    public SlidingWindowLimit(IntSupplier max, Supplier<Duration> window) {
        this.max = max;
        this.window = window;
    }

    /** Counts one event of this key; false (and not counted) when the key has used up its window. */
    public boolean tryAcquire(K key) {
        long now = System.nanoTime();
        long windowStart = now - window.get().toNanos();
        boolean[] allowed = new boolean[1];
        seen.compute(key, (k, times) -> {
            Deque<Long> t = prune(times == null ? new ArrayDeque<>() : times, windowStart);
            allowed[0] = t.size() < max.getAsInt();
            if (allowed[0]) {
                t.addLast(now);
            }
            return t.isEmpty() ? null : t;
        });
        long last = lastSweep.get();
        if (now - last - window.get().toNanos() > 0 && lastSweep.compareAndSet(last, now)) {
            for (K other : seen.keySet()) {
                seen.computeIfPresent(other, (k, t) -> prune(t, windowStart).isEmpty() ? null : t);
            }
        }
        return allowed[0];
    }

    /** How many keys have events in their window (for tests and metrics). */
    int keysHeld() {
        return seen.size();
    }

    private static Deque<Long> prune(Deque<Long> times, long windowStart) {
        while (!times.isEmpty() && times.peekFirst() - windowStart < 0) {
            times.pollFirst();
        }
        return times;
    }
}
