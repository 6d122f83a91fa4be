package org.civicgrid.portal;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civicgrid.web.Problem;

/**
 * 验证题 — a small sum a person answers before the portal accepts a report: the question travels in a token signed
 * with HMAC-SHA256 (a key made at start, nothing stored per question), valid for {@link PortalConfig#challengeTtl()}
 * and good for one answer only. The token holds a keyed commitment to the sum, never the numbers or the sum itself,
 * so a script cannot read the answer from it (issue 17).
 */
@ApplicationScoped
class Challenge {

    /** The question to show and the token to send back with the answer. */
    record Question(String text, String token) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final PortalConfig config;
    private final Clock clock;

    Challenge(PortalConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        random.nextBytes(key);
    }

    Question next(boolean english) {
        int a = 2 + random.nextInt(18);
        int b = 1 + random.nextInt(9);
        long expires = clock.instant().plus(config.challengeTtl()).getEpochSecond();
        byte[] nonce = new byte[9];
        random.nextBytes(nonce);
        String nonceText = B64.encodeToString(nonce);
        String payload = expires + ":" + nonceText + ":" + commitment(nonceText, String.valueOf(a + b));
        String token = B64.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + B64.encodeToString(sign(payload));
        return new Question(english ? a + " + " + b + " = ?" : a + " 加 " + b + " 等于几？", token);
    }

    /** Accepts the right answer to an unexpired, untampered, unused question; 400 naming {@code answer} otherwise. */
    void check(String token, String answer) {
        String payload = payload(token);
        String[] parts = payload.split(":");
        Instant now = clock.instant();
        if (Long.parseLong(parts[0]) < now.getEpochSecond()) {
            throw Problem.badRequest("answer", "the question has expired: answer the new one");
        }
        if (answer == null || !MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII),
                commitment(parts[1], answer.trim()).getBytes(StandardCharsets.US_ASCII))) {
            throw Problem.badRequest("answer", "the answer to the question is not right");
        }
        used.entrySet().removeIf(e -> e.getValue().isBefore(now));
        if (used.putIfAbsent(parts[1], now.plus(config.challengeTtl())) != null) {
            throw Problem.badRequest("answer", "this question was already used: answer the new one");
        }
    }

    private String payload(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1) {
            throw Problem.badRequest("answer", "answer the question (challenge token missing)");
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload)) || payload.split(":").length != 3) {
                throw Problem.badRequest("answer", "the question was not given by this portal");
            }
            return payload;
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("answer", "the question was not given by this portal");
        }
    }

    /** HMAC of the question's nonce and an answer: equal only for the right answer, and unreadable without the key. */
    private String commitment(String nonce, String answer) {
        return B64.encodeToString(sign("answer|" + nonce + "|" + answer));
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
