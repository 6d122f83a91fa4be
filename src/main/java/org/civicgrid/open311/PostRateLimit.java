package org.civicgrid.open311;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 提交限流 — at most {@link Open311Config#postsPerWindow()} POST requests per API key within a sliding
 * {@link Open311Config#rateWindow()}, counted on the monotonic clock (a rate, not a business time).
 */
@ApplicationScoped
class PostRateLimit {

    private final Open311Config config;
    private final Map<Long, Deque<Long>> seen = new ConcurrentHashMap<>();

    PostRateLimit(Open311Config config) {
        this.config = config;
    }

    /** Counts one POST of this key; false when the key has used up its window. */
    boolean tryAcquire(long keyId) {
        long now = System.nanoTime();
        long windowStart = now - config.rateWindow().toNanos();
        Deque<Long> times = seen.computeIfAbsent(keyId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() - windowStart < 0) {
                times.pollFirst();
            }
            if (times.size() >= config.postsPerWindow()) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
