package org.civicgrid.open311.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.web.Problem;

/**
 * 密钥管理 — issues API keys (random, shown once, stored as SHA-256), revokes them, and checks the key of a request.
 * A demo key passes only while demo mode is on.
 */
@ApplicationScoped
public class Open311Keys {

    /** The key every demo box ships with. */
    public static final String DEMO_KEY = "civicgrid-demo";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApplianceConfig appliance;
    private final Clock clock;

    Open311Keys(ApplianceConfig appliance, Clock clock) {
        this.appliance = appliance;
        this.clock = clock;
    }

    /** A new key and the key itself, which is not stored and cannot be shown again. */
    public record Issued(Open311Key key, String secret) {
    }

    @Transactional
    public Issued issue(String name, String by) {
        if (name == null || name.isBlank()) {
            throw Problem.badRequest("name", "name the client the key is for");
        }
        if (name.trim().length() > 100) {
            throw Problem.badRequest("name", "at most 100 characters");
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = "cg311-" + HexFormat.of().formatHex(bytes);
        return new Issued(store(name.trim(), secret, false, by), secret);
    }

    /** Stores the demo key once (demo start-up); nothing when it is there already. */
    @Transactional
    public void ensureDemoKey() {
        if (Open311Key.byHash(hash(DEMO_KEY)).isEmpty()) {
            store("演示客户端 (demo)", DEMO_KEY, true, "demo");
        }
    }

    /** Notes that a key was just used (shown on the key page). */
    public void touch(long id) {
        Open311Key.<Open311Key>findByIdOptional(id).ifPresent(k -> k.lastUsedAt = clock.instant());
    }

    @Transactional
    public Open311Key revoke(long id) {
        Open311Key key = Open311Key.<Open311Key>findByIdOptional(id).orElseThrow(() -> Problem.notFound("API key " + id));
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
        }
        return key;
    }

    /** The active key matching this secret, if any. */
    public Optional<Open311Key> check(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return Open311Key.byHash(hash(secret.trim())).filter(Open311Key::active).filter(k -> !k.demo || appliance.demo());
    }

    private Open311Key store(String name, String secret, boolean demo, String by) {
        Open311Key key = new Open311Key();
        key.name = name;
        key.keyHash = hash(secret);
        key.keyPrefix = secret.substring(0, Math.min(10, secret.length()));
        key.demo = demo;
        key.createdAt = clock.instant();
        key.createdBy = by;
        key.persist();
        return key;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
