package org.civicgrid.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.org.StaffForm;
import org.civicgrid.org.StaffRegistry;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.DataDirs;
import org.civicgrid.testsupport.Store;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A production install (demo off, empty store): no account and no default password exist; the first admin is
 * created once through /setup with the one-time code from the data directory, which is then consumed.
 */
@QuarkusTest
@TestProfile(FirstAdminSetupTest.Production.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstAdminSetupTest {

    /** Demo off, on a fresh data directory of its own. */
    public static class Production implements QuarkusTestProfile {
        static final String DIR = "target/test-production";

        @Override
        public Map<String, String> getConfigOverrides() {
            DataDirs.wipe(Path.of(DIR)); // a fresh install on every run, even without mvn clean
            return Map.of("civicgrid.demo", "false", "civicgrid.data-dir", DIR);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StaffRegistry staff;

    private final Path token = Path.of(Production.DIR, FirstAdminSetup.TOKEN_FILE);

    @Test
    @Order(1)
    void aFreshProductionStoreHasNoAccountAndAsksForSetup() throws Exception {
        assertEquals(0, Store.count(dataSource, "staff"));
        assertEquals(0, Store.count(dataSource, "region"));
        assertTrue(Files.exists(token), "setup code written");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        given().redirects().follow(false).when().get("/login").then().statusCode(303).header("Location", endsWith("/setup"));
        given().when().get("/setup").then().statusCode(200).body(containsString(token.toString())).body(containsString("首次设置"));
        // the installer prints /setup?code=<code>: the link fills the code in (escaped like any value)
        given().when().get("/setup?code=ab12\"><b>").then().statusCode(200).body(containsString("value=\"ab12&quot;&gt;&lt;b&gt;\""));
        Api.as("admin", "civicgrid").when().get("/api/me").then().statusCode(401);
    }

    @Test
    @Order(2)
    void aWrongCodeCreatesNothing() {
        WebSession.Csrf.from("/setup").on(given()).formParam("token", "0123").formParam("countyCode", "370831").formParam("countyName", "泗水县")
                .formParam("username", "root").formParam("displayName", "管理员").formParam("password", "Very-Secret-1")
                .formParam("password2", "Very-Secret-1")
                .when().post("/setup").then().statusCode(400).body(containsString("setup code is wrong"));
        assertEquals(0, Store.count(dataSource, "staff"));
        assertEquals(0, Store.count(dataSource, "region"));
    }

    @Test
    @Order(3)
    void theRightCodeCreatesTheCountyAndTheFirstAdminOnce() throws Exception {
        String code = Files.readString(token).trim();
        WebSession.Csrf csrf = WebSession.Csrf.from("/setup");
        csrf.on(given()).redirects().follow(false).formParam("token", code).formParam("countyCode", "370831").formParam("countyName", "泗水县")
                .formParam("username", "root").formParam("displayName", "管理员").formParam("password", "Very-Secret-1")
                .formParam("password2", "Very-Secret-1")
                .when().post("/setup").then().statusCode(303).header("Location", endsWith("/login"));
        assertFalse(Files.exists(token), "the code is consumed");
        Api.as("root", "Very-Secret-1").when().get("/api/me").then().statusCode(200);
        Api.as("root", "Very-Secret-1").when().get("/api/regions/370831").then().statusCode(200);
        given().redirects().follow(false).when().get("/setup").then().statusCode(303).header("Location", endsWith("/login"));
        csrf.on(given()).formParam("token", code).formParam("countyCode", "370831").formParam("countyName", "x")
                .formParam("username", "root2").formParam("displayName", "x").formParam("password", "Very-Secret-2")
                .formParam("password2", "Very-Secret-2")
                .when().post("/setup").then().statusCode(409);
        assertEquals(1, Store.count(dataSource, "staff"));
    }

    @Test
    @Order(4)
    void demoAccountsCannotSignInOutsideDemoMode() {
        staff.create(new StaffForm("olddemo", "旧演示账号", null, null, Set.of(Role.LEADER), true, "civicgrid"), true);
        Api.as("olddemo", "civicgrid").when().get("/api/me").then().statusCode(401);
        Api.as("root", "Very-Secret-1").when().get("/api/staff").then().statusCode(200)
                .body("find { it.username == 'olddemo' }.demo", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    @Order(5)
    void aRealAccountTakesNeitherTheDemoPasswordNorAGuessableOne() {
        for (String weak : new String[] {"civicgrid", "12345678", "password", "newclerk1", "qwertyuiop"}) {
            Api.as("root", "Very-Secret-1").body(java.util.Map.of("username", "newclerk1", "displayName", "新职员", "roles", java.util.List.of("ACCEPTOR"),
                    "password", weak)).when().post("/api/staff").then().statusCode(400)
                    .body("field", org.hamcrest.Matchers.equalTo("password"));
        }
        assertEquals(0, Store.count(dataSource, "staff where username = 'newclerk1'"));
        Api.as("root", "Very-Secret-1").body(java.util.Map.of("username", "newclerk1", "displayName", "新职员", "roles", java.util.List.of("ACCEPTOR"),
                "password", "Harbour-Lantern-58")).when().post("/api/staff").then().statusCode(201);
    }
}
