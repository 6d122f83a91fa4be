package org.civicgrid.appliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * 密钥箱 — keeps device secrets (camera, broker, hub passwords) encrypted at rest: AES-256-GCM with a random 96-bit
 * IV per value, stored as {@code v1:<base64(iv + ciphertext + tag)>}. The key is {@code civicgrid.secrets.key}
 * (base64, 32 bytes) when configured, else derived (HMAC-SHA256, its own label) from the site secret in the data
 * directory ({@code site.key}, owner-only). Clear values never reach the database or the logs.
 */
@ApplicationScoped
public class SecretBox {

    static final String PREFIX = "v1:";
    private static final byte[] AAD = "civicgrid-secret-v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    SecretBox(ApplianceConfig appliance, SecretsConfig config) {
        this(config.key().map(k -> Base64.getDecoder().decode(k.trim()))
                .orElseGet(() -> derive(new DataDirectory(Path.of(appliance.dataDir())).ensureExists().siteSecret())));
    }

    /** A box with this 32-byte key (tests, tools). */
    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("civicgrid.secrets.key must be 32 bytes (base64), got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    static byte[] derive(String siteSecret) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(siteSecret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return hmac.doFinal("civicgrid device credentials v1".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sealed form of a clear value; null and empty stay as they are. */
    public String seal(String clear) {
        if (clear == null || clear.isEmpty()) {
            return clear;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /** The clear value of a sealed one; fails (without the value) when the key is wrong or the value was changed. */
    public String open(String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return sealed;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed value (expected the v1: prefix)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(AAD);
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted: was site.key or civicgrid.secrets.key changed?");
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }
}
