package org.civicgrid.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civicgrid.org.StaffChanged;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 会话登记 — the server's list of open sign-in sessions. The form mechanism's cookie only says who signed in; a
 * second random cookie names the session, and a session counts only while it is on this list. Sign-out removes it;
 * any change to the account (password set or reset, roles, department, deactivation) removes all of that account's
 * sessions, so a stolen or left-open cookie stops working at once. Kept in memory: a restart ends every session, as
 * the form cookie's per-process key already does.
 */
@ApplicationScoped
class Sessions {

    static final String COOKIE = "civicgrid-sid";

    private record Open(String username, Instant lastSeen) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idleTimeout;
    private final SecurityConfig config;

    Sessions(SecurityConfig config,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M") Duration idleTimeout) {
        this.clock = Clock.systemUTC(); // wall-clock time like the form cookie's, not the business clock tests move
        this.config = config;
        this.idleTimeout = idleTimeout;
    }

    /** Opens a session for {@code username} after a form sign-in and hands its id to the browser. */
    void open(RoutingContext http, String username) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        open.values().removeIf(s -> s.lastSeen.plus(idleTimeout).isBefore(now)); // idle past the form cookie's timeout
        open.put(id, new Open(username, now));
        http.response().addCookie(Cookie.cookie(COOKIE, id).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(config.secureCookies() || http.request().isSSL()));
    }

    /** True when the request names an open session of {@code username}. */
    boolean isOpen(RoutingContext http, String username) {
        Cookie cookie = http == null ? null : http.request().getCookie(COOKIE);
        if (cookie == null) {
            return false;
        }
        Open session = open.computeIfPresent(cookie.getValue(),
                (id, s) -> s.username.equals(username) ? new Open(username, clock.instant()) : s);
        return session != null && session.username.equals(username);
    }

    /** Sign-out: the request's session ends and its cookie is removed. */
    void close(RoutingContext http) {
        Cookie cookie = http.request().getCookie(COOKIE);
        if (cookie != null) {
            open.remove(cookie.getValue());
            http.response().removeCookie(COOKIE);
        }
    }

    /** After a person changed their own password: their other sessions end, this one stays open. */
    void keepOnly(RoutingContext http, String username) {
        Cookie cookie = http.request().getCookie(COOKIE);
        closeAll(username);
        if (cookie != null) {
            open.put(cookie.getValue(), new Open(username, clock.instant()));
        }
    }

    void closeAll(String username) {
        open.values().removeIf(s -> s.username.equals(username));
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) StaffChanged change) {
        closeAll(change.username());
    }
}
