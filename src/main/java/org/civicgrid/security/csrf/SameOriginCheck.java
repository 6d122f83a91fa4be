package org.civicgrid.security.csrf;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * 来源校验 — a state-changing request (pages, sign-in, sign-out and the API) whose {@code Origin} (or, without one,
 * {@code Referer}) names another site is refused with 403 before anything else runs: browsers always send these on
 * cross-site posts, so a form on another site cannot drive this box even with a cached Basic password. Requests
 * without either header (scripts) pass on to the other checks. Open311 is exempt: it is a public API meant for other
 * sites' clients and authorised by its API key alone.
 */
@ApplicationScoped
class SameOriginCheck {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::check);
    }

    private void check(RoutingContext http) {
        HttpServerRequest request = http.request();
        if (SAFE.contains(request.method()) || http.normalizedPath().startsWith("/open311/")) {
            http.next();
            return;
        }
        String origin = request.getHeader("Origin");
        String claimed = origin != null ? origin : request.getHeader("Referer");
        if (claimed == null || sameSite(claimed, request)) {
            http.next();
            return;
        }
        boolean api = http.normalizedPath().startsWith("/api/");
        http.response().setStatusCode(403)
                .putHeader("Content-Type", api ? "application/json" : "text/plain; charset=UTF-8")
                .end(api ? "{\"error\":\"cross_site\",\"message\":\"跨站请求被拒绝 / request from another site refused\"}"
                        : "跨站请求被拒绝 / request from another site refused");
    }

    /** True when {@code claimed} (an origin or a URL) has this request's own host and port. */
    static boolean sameSite(String claimed, HttpServerRequest request) {
        String own = ownAuthority(request);
        try {
            URI uri = URI.create(claimed.trim());
            if (uri.getHost() == null || own == null) {
                return false;
            }
            String theirs = uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return theirs.equals(own);
        } catch (IllegalArgumentException unparseable) {
            return false; // includes "null", the origin of sandboxed and file documents
        }
    }

    private static String ownAuthority(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority != null) {
            return authority.host().toLowerCase(Locale.ROOT) + (authority.port() < 0 ? "" : ":" + authority.port());
        }
        String host = request.getHeader("Host");
        return host == null ? null : host.toLowerCase(Locale.ROOT);
    }
}
