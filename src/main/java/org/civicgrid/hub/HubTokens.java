package org.civicgrid.hub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.civicgrid.web.Problem;

/**
 * 站点令牌 — issues a site's token (256 random bits, shown once) and keeps only its SHA-256: a token this long
 * needs no slow hash. Re-issuing replaces the old token at once.
 */
@ApplicationScoped
public class HubTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    HubTokens(Clock clock) {
        this.clock = clock;
    }

    /** Registers the site (or renews its token) and returns the clear token: {@code POST /api/hub/sites}. */
    @Transactional
    public String issue(String siteId, String name) {
        check(siteId, name);
        return store(HubSite.<HubSite>findByIdOptional(siteId).orElseGet(() -> newSite(siteId)), name);
    }

    /**
     * Registers a new site and returns its clear token; a site id already registered is refused (409), nothing changes —
     * also when another admin registers the same id at the same moment (the insert meets theirs).
     */
    @Transactional
    public String register(String siteId, String name) {
        check(siteId, name);
        if (HubSite.findById(siteId) != null) {
            throw alreadyRegistered(siteId);
        }
        String token = store(newSite(siteId), name);
        try {
            HubSite.flush();
        } catch (PersistenceException e) {
            if (duplicateKey(e)) {
                throw alreadyRegistered(siteId);
            }
            throw e;
        }
        return token;
    }

    private static Problem alreadyRegistered(String siteId) {
        return Problem.conflict("site_exists", "site " + siteId + " is already registered: re-issue its token instead");
    }

    /** A unique key refused the row (SQLState class 23, or SQLite's constraint code 19). */
    private static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("23") || sql.getErrorCode() == 19)) {
                return true;
            }
        }
        return false;
    }

    /** A new token for a registered site (its name kept): the old token stops working at once. */
    @Transactional
    public String reissue(String siteId) {
        HubSite site = siteId == null ? null : HubSite.<HubSite>findByIdOptional(siteId).orElse(null);
        if (site == null) {
            throw Problem.notFound("site " + siteId);
        }
        return store(site, site.name);
    }

    private static void check(String siteId, String name) {
        if (siteId == null || !siteId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw Problem.badRequest("siteId", "1–64 letters, digits, dot, dash or underscore (the edge's civicgrid.site-id)");
        }
        if (name != null && name.length() > 100) {
            throw Problem.badRequest("name", "at most 100 characters");
        }
    }

    private HubSite newSite(String siteId) {
        HubSite s = new HubSite();
        s.siteId = siteId;
        s.createdAt = clock.instant();
        return s;
    }

    private static String store(HubSite site, String name) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "cgh1_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        site.name = name == null || name.isBlank() ? site.siteId : name.trim();
        site.tokenHash = hash(token);
        site.persist();
        return token;
    }

    /** The site this bearer token belongs to. */
    @jakarta.enterprise.context.control.ActivateRequestContext
    public Optional<String> siteOf(String authorization) {
        return site(authorization).map(s -> s.siteId);
    }

    /** The site row of this bearer token. */
    @jakarta.enterprise.context.control.ActivateRequestContext
    Optional<HubSite> site(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() > 200) {
            return Optional.empty();
        }
        return HubSite.<HubSite>find("tokenHash", hash(authorization.substring(7).trim())).firstResultOptional();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
