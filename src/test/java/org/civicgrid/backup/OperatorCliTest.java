package org.civicgrid.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.junit.jupiter.api.Test;

/** The operator CLI ({@code bin/civicgrid}) against the store of a running appliance. */
@QuarkusTest
class OperatorCliTest {

    private static final String DATA = "target/test-data";
    private String output;

    private int cli(String stdin, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = new OperatorCli(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).run(args);
        output = bytes.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void checkReportsIntegrityAndMigrations() {
        assertEquals(0, cli("", "--data-dir", DATA, "check"), output);
        assertTrue(output.contains("integrity_check: ok") && output.contains("0 failed"), output);
        assertEquals(1, cli("", "--data-dir", "target/no-such-dir", "check"));
    }

    @Test
    void everyCommandHasHelpAndMistakesGetTheUsage() {
        for (String command : List.of("backup", "list", "restore", "check", "reset-password")) {
            assertEquals(0, cli("", command, "--help"), command);
            assertTrue(output.startsWith("civicgrid " + command), output);
        }
        assertEquals(0, cli("", "--help"));
        assertTrue(output.contains("reset-password USERNAME"));
        assertEquals(2, cli("", "--data-dir", DATA, "explode"));
        assertTrue(output.contains("unknown command explode") && output.contains("Usage:"), output);
    }

    @Test
    void resetPasswordStoresOnlyABcryptHashOfTheNewPassword() throws Exception {
        Api.as("admin").body(Map.of("username", "cli.reset", "displayName", "命令行", "roles", List.of("LEADER"), "password", "Long-enough-1"))
                .when().post("/api/staff").then().statusCode(201);
        assertEquals(1, cli("short\n", "--data-dir", DATA, "reset-password", "cli.reset"), "too short");
        assertTrue(BcryptUtil.matches("Long-enough-1", hash("cli.reset")), "unchanged after a refused password");
        assertEquals(1, cli("Brand-new-pass-2\n", "--data-dir", DATA, "reset-password", "nobody.here"));
        assertEquals(0, cli("Brand-new-pass-2\n", "--data-dir", DATA, "reset-password", "CLI.Reset"), output);
        String hash = hash("cli.reset");
        assertTrue(hash.startsWith("$2") && !hash.contains("Brand-new-pass-2"));
        assertTrue(BcryptUtil.matches("Brand-new-pass-2", hash));
    }

    private static String hash(String username) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + DATA + "/civicgrid.db?busy_timeout=10000"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT password_hash FROM staff WHERE username = '" + username + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
