package org.civicgrid.portal;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.civicgrid.web.Problem;
import org.civicgrid.web.SlidingWindowLimit;

/**
 * 提交限流 — at most {@link PortalConfig#reportsPerWindow()} portal submissions per client address within a sliding
 * {@link PortalConfig#rateWindow()} ({@link SlidingWindowLimit}); more answer 429.
 */
@ApplicationScoped
class AddressRateLimit {

    private final PortalConfig config;
    private final SlidingWindowLimit<String> limit;

    AddressRateLimit(PortalConfig config) {
        this.config = config;
        this.limit = new SlidingWindowLimit<>(config::reportsPerWindow, config::rateWindow);
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
        if (!limit.tryAcquire(address)) {
            throw new Problem(429, "too_many_requests", null, "too many reports from your address: please try again later");
        }
    }
}
