package org.civicgrid.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 凭据缓存 — remembers, for a short time, that a password matched a stored bcrypt hash, so that scripts using
 * HTTP Basic do not pay a bcrypt check (~50 ms) on every request. Only an HMAC of the password under a random
 * per-process key is kept, tied to the stored hash: a changed password or a restart forgets everything.
 */
class VerifiedCredentials {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String storedHash, byte[] mac, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedCredentials(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
        new SecureRandom().nextBytes(key);
    }

    boolean isKnown(String username, String storedHash, String password) {
        Entry entry = entries.get(username);
        return entry != null
                && entry.storedHash.equals(storedHash)
                && entry.expiresAt.isAfter(clock.instant())
                && MessageDigest.isEqual(entry.mac, mac(password));
    }

    void remember(String username, String storedHash, String password) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(username, new Entry(storedHash, mac(password), clock.instant().plus(ttl)));
    }

    private byte[] mac(String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
