package org.civicgrid.open311;

import jakarta.enterprise.context.ApplicationScoped;
import org.civicgrid.web.SlidingWindowLimit;

/**
 * 提交限流 — at most {@link Open311Config#postsPerWindow()} POST requests per API key within a sliding
 * {@link Open311Config#rateWindow()} ({@link SlidingWindowLimit}).
 */
@ApplicationScoped
class PostRateLimit {

    private final SlidingWindowLimit<Long> limit;

    PostRateLimit(Open311Config config) {
        this.limit = new SlidingWindowLimit<>(config::postsPerWindow, config::rateWindow);
    }

    /** Counts one POST of this key; false when the key has used up its window. */
    boolean tryAcquire(long keyId) {
        return limit.tryAcquire(keyId);
    }
}
