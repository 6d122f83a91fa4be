package org.civicgrid.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * 网页分发 — how the box sends its web assets: the bundler's fingerprinted files ({@code /static/bundle/map-CAQEGUJ7.js})
 * never change under their name, so they are cached for a year ({@code immutable}); other static files are revalidated.
 * {@link #etag} gives a strong ETag for a body the API computes (GeoJSON), so a browser's second load is a 304.
 * Compression itself is Quarkus's ({@code quarkus.http.enable-compression}).
 */
@ApplicationScoped
public class WebDelivery {

    /** A bundler output name: base, dash, 8 upper-case letters/digits, extension (source maps included). */
    static final Pattern FINGERPRINTED = Pattern.compile("/static/bundle/(?:.*/)?[\\w.]+-[A-Z0-9]{8}\\.(?:js|css|map|js\\.map|css\\.map|woff2?|png|svg)");

    static final String YEAR = "public, max-age=31536000, immutable";

    void routes(@Observes Router router) {
        router.route("/static/bundle/*").order(-10).handler(rc -> {
            String path = rc.normalizedPath();
            if (FINGERPRINTED.matcher(path).matches()) {
                rc.addHeadersEndHandler(v -> {
                    if (rc.response().getStatusCode() == 200) {
                        rc.response().headers().set("Cache-Control", YEAR);
                    }
                });
            }
            rc.next();
        });
    }

    /** A strong ETag of a body: {@code "<first 16 hex digits of its SHA-256>"}. */
    public static String etag(String body) {
        return etag(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A strong ETag of binary content (a map tile), as {@link #etag(String)}. */
    public static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an {@code If-None-Match} header names this ETag (or {@code *}). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag) || (t.startsWith("W/") && etag.startsWith("W/") && t.equals(etag))) {
                return true;
            }
        }
        return false;
    }
}
