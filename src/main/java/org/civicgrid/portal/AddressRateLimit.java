package org.civicgrid.portal;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civicgrid.web.Problem;

/**
 * 提交限流 — at most {@link PortalConfig#reportsPerWindow()} portal submissions per client address within a sliding
 * {@link PortalConfig#rateWindow()} (monotonic clock); more answer 429.
 */
@ApplicationScoped
class AddressRateLimit {

    private final PortalConfig config;
    private final Map<String, Deque<Long>> seen = new ConcurrentHashMap<>();

    AddressRateLimit(PortalConfig config) {
        this.config = config;
    }

    /** The client's address: the socket's, or the first X-Forwarded-For hop when configured behind a proxy. */
    String addressOf(HttpServerRequest request) {
        String forwarded = config.trustForwardedFor() ? request.getHeader("X-Forwarded-For") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    void acquire(String address) {
        long now = System.nanoTime();
        long windowStart = now - config.rateWindow().toNanos();
        Deque<Long> times = seen.computeIfAbsent(address, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() - windowStart < 0) {
                times.pollFirst();
            }
            if (times.size() >= config.reportsPerWindow()) {
                throw new Problem(429, "too_many_requests", null, "too many reports from your address: please try again later");
            }
            times.addLast(now);
        }
    }
}
