package org.civicgrid.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.elytron.security.common.BcryptUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
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
        for (String command : List.of("backup", "list", "restore", "check", "reset-password", "create-admin", "import-grids", "export")) {
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
        String name = "cli.reset" + Long.toString(System.nanoTime() % 46656, 36); // unique: the test store outlives a run
        Api.as("admin").body(Map.of("username", name, "displayName", "命令行", "roles", List.of("LEADER"), "password", "Long-enough-1"))
                .when().post("/api/staff").then().statusCode(201);
        assertEquals(1, cli("short\n", "--data-dir", DATA, "reset-password", name), "too short");
        assertEquals(1, cli("password123\n", "--data-dir", DATA, "reset-password", name), "guessable");
        assertTrue(BcryptUtil.matches("Long-enough-1", hash(name)), "unchanged after a refused password");
        assertEquals(1, cli("Brand-new-pass-2\n", "--data-dir", DATA, "reset-password", "nobody.here"));
        assertEquals(0, cli("Brand-new-pass-2\n", "--data-dir", DATA, "reset-password", name.toUpperCase()), output);
        String hash = hash(name);
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

    @Test
    void createAdminMakesAnAdministratorWhoSignsInAndRefusesTakenNamesAndWeakPasswords() {
        String name = "cli.admin" + Long.toString(System.nanoTime() % 46656, 36);
        assertEquals(1, cli("qwertyuiop\n", "--data-dir", DATA, "create-admin", name), "guessable password");
        assertEquals(2, cli("Sturdy-lantern-73\n", "--data-dir", DATA, "create-admin", "a b"), output);
        assertEquals(0, cli("Sturdy-lantern-73\n", "--data-dir", DATA, "create-admin", name, "--name", "值班管理员"), output);
        Api.as(name, "Sturdy-lantern-73").when().get("/api/me").then().statusCode(200)
                .body("roles", org.hamcrest.Matchers.contains("ADMIN")).body("displayName", org.hamcrest.Matchers.equalTo("值班管理员"));
        Api.as(name, "Sturdy-lantern-73").when().get("/api/grids/topology").then().statusCode(200);
        assertEquals(1, cli("Sturdy-lantern-73\n", "--data-dir", DATA, "create-admin", name), "taken");
        assertTrue(output.contains("already"), output);
        assertEquals(2, cli("x\n", "--data-dir", DATA, "create-admin", name, "--bogus", "1"));
    }

    /**
     * The appliance writes while create-admin runs: a write that commits between the tool's check of the name and its
     * insert must not fail it (it did with SQLITE_BUSY_SNAPSHOT, seen in a full run). Here another connection holds the
     * write lock when the tool starts and commits a change 1.5 s later; the tool waits for the lock and succeeds.
     */
    @Test
    void createAdminWaitsForTheAppliancesWriteAndSucceeds() throws Exception {
        String name = "cli.busy" + Long.toString(System.nanoTime() % 46656, 36);
        CountDownLatch locked = new CountDownLatch(1);
        Thread appliance = new Thread(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + DATA + "/civicgrid.db?busy_timeout=10000"); Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                s.executeUpdate("UPDATE staff SET version = version WHERE username = 'admin'"); // a real write: the row's page goes to the WAL
                locked.countDown();
                Thread.sleep(1500);
                s.execute("COMMIT");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "appliance-write");
        appliance.start();
        assertTrue(locked.await(30, java.util.concurrent.TimeUnit.SECONDS), "the other connection took the write lock");
        assertEquals(0, cli("Sturdy-lantern-73\n", "--data-dir", DATA, "create-admin", name), output);
        appliance.join();
        Api.as(name, "Sturdy-lantern-73").when().get("/api/me").then().statusCode(200).body("roles", org.hamcrest.Matchers.contains("ADMIN"));
    }

    @Test
    void exportWritesEveryCaseOfTheRangeAsCsvAndAsJsonWithItsHistory() throws Exception {
        long id = Cases.report("acceptor", "HOTLINE", null, Cases.LAT, Cases.LON);
        String number = Cases.get("acceptor", id).extract().path("number");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Path csv = Path.of("target/cli-export.csv");
        assertEquals(0, cli("", "--data-dir", DATA, "export", "--from", today, "--out", csv.toString()), output);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFcase_number,source,"), text.substring(0, Math.min(80, text.length())));
        assertTrue(text.contains(number + ",HOTLINE,"), "the new case is a row: " + number);
        assertTrue(output.matches("(?s)\\d+ cases exported to .*"), output);
        int rows = text.split("\r\n").length - 1;
        assertEquals(0, cli("", "--data-dir", DATA, "export", "--format", "json", "--from", today));
        JsonNode dump = new ObjectMapper().readTree(output);
        assertEquals(rows, dump.path("cases").size(), "CSV and JSON hold the same cases");
        JsonNode exported = null;
        for (JsonNode c : dump.path("cases")) {
            if (number.equals(c.path("case_number").asText())) {
                exported = c;
            }
        }
        assertTrue(exported != null && exported.path("history").size() >= 1, "the case and its history: " + exported);
        assertTrue(exported.path("created_at").asText().startsWith(today) && exported.path("created_at").asText().endsWith("+08:00"));
        assertEquals(0, cli("", "--data-dir", DATA, "export", "--from", "2001-01-01", "--to", "2001-01-02"));
        assertEquals(1, output.split("\r\n").length, "only the header for an empty range");
        assertEquals(2, cli("", "--data-dir", DATA, "export", "--format", "xml"));
        assertEquals("'=1+1", CliExport.csvField("=1+1").replace("\"", ""), "no formulas for Excel");
    }

    @Test
    void importGridsSendsACsvThroughTheAppliancesGridImport() throws Exception {
        String code = "370831001001X" + String.format("%2s", Long.toString(System.nanoTime() % 1296, 36)).replace(' ', '0').toUpperCase();
        Path file = Path.of("target/cli-grids.csv");
        // retired (valid until 2020) so it leaves the grids in force, and other tests' topology, alone
        Files.writeString(file, "\uFEFFcode,name,wkt,validFrom,validTo\n"
                + code + ",命令行网格,\"POLYGON ((117.26 35.6655, 117.2605 35.6655, 117.2605 35.666, 117.26 35.666, 117.26 35.6655))\",2019-01-01,2020-01-01\n"
                + "370831001998001,无此社区,\"POLYGON ((117.26 35.6655, 117.2605 35.6655, 117.2605 35.666, 117.26 35.6655))\",,\n",
                StandardCharsets.UTF_8);
        String url = "http://localhost:" + RestAssured.port;
        assertEquals(1, cli("wrong-password\n", "import-grids", file.toString(), "--url", url), output);
        assertTrue(output.contains("refused (401)"), output);
        assertEquals(1, cli(Api.DEMO_PASSWORD + "\n", "import-grids", file.toString(), "--url", url, "--user", "admin"), output);
        assertTrue(output.contains("imported 1 of 2 grids") && output.contains("rejected #1 370831001998001:") && output.contains("no community 370831001998"), output);
        Api.as("admin").when().get("/api/grids/" + code).then().statusCode(200)
                .body("properties.name", org.hamcrest.Matchers.equalTo("命令行网格"));
        Api.as("admin").when().get("/api/grids/topology").then().statusCode(200)
                .body("overlaps.first", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(code)))
                .body("overlaps.second", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(code)));
        Path bad = Path.of("target/cli-grids-bad.csv");
        Files.writeString(bad, "code,name,wkt\n" + code + ",x,POLYGON ((1 2\n");
        assertEquals(1, cli("x\n", "import-grids", bad.toString(), "--url", url));
        assertTrue(output.contains("line 2: unreadable WKT"), output);
    }
}
