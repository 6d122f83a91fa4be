package org.civicgrid.appliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * 数据目录 — the appliance's data directory: created before the store opens, and home of the site secret
 * (the key that encrypts session cookies and, later, device credentials at rest).
 */
public final class DataDirectory {

    static final String SECRET_FILE = "site.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path root;

    public DataDirectory(Path root) {
        this.root = root;
    }

    /** Creates the directory (and parents) if it does not exist yet. */
    public DataDirectory ensureExists() {
        try {
            Files.createDirectories(root);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + root.toAbsolutePath(), e);
        }
    }

    /**
     * The site secret: 32 random bytes, base64, created on first use with owner-only permissions and kept
     * across restarts so signed-in sessions survive an upgrade.
     */
    public String siteSecret() {
        Path file = root.resolve(SECRET_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                writeOwnerOnly(file, Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the site secret " + file.toAbsolutePath(), e);
        }
    }

    /** Writes a small file readable only by the appliance's user (where the file system supports it). */
    public static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            // Windows file systems: the directory's ACL applies.
        }
    }
}
