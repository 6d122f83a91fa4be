package org.civicgrid.security.csrf;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import org.civicgrid.security.SecurityConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 跨站请求令牌 — the signed double-submit token of page forms: each browser holds a random value in an HttpOnly,
 * SameSite=Strict cookie; its forms carry the HMAC of that value under a per-process key. Another site can neither
 * read the cookie nor compute the HMAC, and a cookie planted by a neighbour host is useless without the matching
 * token. The one place tokens are issued and checked ({@link CsrfGuard} checks, the page layout renders).
 */
public final class CsrfTokens {

    /** The browser's random value. */
    public static final String COOKIE = "civicgrid-csrf";
    /** The form field every page form carries (the {@code {#csrf /}} tag). */
    public static final String FIELD = "csrf-token";
    /** The header scripts on the pages (htmx, fetch) send instead of the field. */
    public static final String HEADER = "X-CSRF-Token";

    private static final String CONTEXT_KEY = "civicgrid.csrf-token";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] KEY = new byte[32];

    static {
        RANDOM.nextBytes(KEY);
    }

    private CsrfTokens() {
    }

    /**
     * {@code {csrf:token}} in every template, isolated tags included ({@code {#csrf /}}, {@code <meta name="csrf-token">}):
     * this request's token, or empty outside a request.
     */
    @TemplateExtension(namespace = "csrf", matchName = "token")
    public static String current() {
        if (!Arc.container().requestContext().isActive()) {
            return "";
        }
        RoutingContext http = Arc.container().instance(RoutingContext.class).get();
        return http == null ? "" : tokenFor(http, Arc.container().instance(SecurityConfig.class).get().secureCookies());
    }

    /**
     * The token for this browser's forms; issues the cookie (once per request) when the browser has none.
     * {@code secure} marks a new cookie {@code Secure} (the request came over TLS, or the site says so).
     */
    public static String tokenFor(RoutingContext http, boolean secure) {
        String known = http.get(CONTEXT_KEY);
        if (known != null) {
            return known;
        }
        Cookie cookie = http.request().getCookie(COOKIE);
        String value = cookie == null || !wellFormed(cookie.getValue()) ? null : cookie.getValue();
        if (value == null) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (!http.response().headWritten()) {
                http.response().addCookie(Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setSecure(secure || http.request().isSSL()));
            }
        }
        String token = sign(value);
        http.put(CONTEXT_KEY, token);
        return token;
    }

    /** True when {@code token} is the one issued for the cookie value {@code cookieValue}. */
    static boolean matches(String cookieValue, String token) {
        if (cookieValue == null || token == null || !wellFormed(cookieValue)) {
            return false;
        }
        return MessageDigest.isEqual(sign(cookieValue).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean wellFormed(String value) {
        return value != null && value.length() == 43 && value.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    private static String sign(String value) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
