package org.civicgrid.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device secrets are sealed with AES-256-GCM under a key from the data directory and open only with that key. */
class SecretBoxTest {

    @TempDir
    Path dir;

    @Test
    void sealsAndOpensWithoutLeavingTheClearValue() {
        SecretBox box = new SecretBox(SecretBox.derive(new DataDirectory(dir).siteSecret()));
        String sealed = box.seal("摄像机密码 admin123");
        assertTrue(sealed.startsWith("v1:"), sealed);
        assertFalse(sealed.contains("admin123"));
        assertNotEquals(sealed, box.seal("摄像机密码 admin123"), "a fresh IV each time");
        assertEquals("摄像机密码 admin123", box.open(sealed));
        assertNull(box.seal(null));
        assertEquals("", box.open(""));
    }

    @Test
    void theKeyLivesOwnerOnlyInTheDataDirectoryAndSurvivesRestarts() throws Exception {
        String sealed = new SecretBox(SecretBox.derive(new DataDirectory(dir).siteSecret())).seal("pw");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("site.key"))));
        assertEquals("pw", new SecretBox(SecretBox.derive(new DataDirectory(dir).siteSecret())).open(sealed), "same key after a restart");
        assertFalse(Arrays.equals(SecretBox.derive(new DataDirectory(dir).siteSecret()),
                java.util.Base64.getDecoder().decode(new DataDirectory(dir).siteSecret())), "not the session-cookie key itself");
    }

    @Test
    void anotherKeyOrATamperedValueIsRefusedWithoutShowingIt() {
        SecretBox box = new SecretBox(new byte[32]);
        String sealed = box.seal("secret-pw");
        byte[] other = new byte[32];
        other[0] = 1;
        IllegalStateException wrongKey = assertThrows(IllegalStateException.class, () -> new SecretBox(other).open(sealed));
        assertFalse(wrongKey.getMessage().contains("secret-pw"));
        byte[] raw = java.util.Base64.getDecoder().decode(sealed.substring(3));
        raw[14] ^= 1;
        String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> box.open(tampered));
        assertThrows(IllegalArgumentException.class, () -> box.open("plain"));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
    }
}
