package org.civicgrid.appliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.civicgrid.testsupport.Store;
import org.junit.jupiter.api.Test;

/** The running appliance's store and ops endpoints: a real SQLite file in WAL mode under the data directory. */
@QuarkusTest
class StoreTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ApplianceConfig config;

    @Test
    void theStoreIsASqliteFileInWalModeWithForeignKeysAndABusyTimeout() {
        assertEquals("wal", Store.single(dataSource, "pragma journal_mode"));
        assertEquals("1", Store.single(dataSource, "pragma foreign_keys"));
        assertEquals("5000", Store.single(dataSource, "pragma busy_timeout"));
        assertEquals("1", Store.single(dataSource, "pragma synchronous"), "NORMAL: no fsync per commit in WAL mode");
        Path file = Path.of(config.dataDir(), "civicgrid.db");
        assertTrue(Files.isRegularFile(file), file + " exists");
        assertTrue(Files.exists(Path.of(config.dataDir(), "civicgrid.db-wal")), "a WAL file sits next to the store");
    }

    @Test
    void theSiteSecretIsReadableByItsOwnerOnly() throws Exception {
        Path secret = Path.of(config.dataDir(), DataDirectory.SECRET_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        assertEquals(44, Files.readString(secret).trim().length(), "32 random bytes, base64");
    }

    @Test
    void readinessChecksTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsAndOpenApiAreServedToAdminsOnly() {
        given().auth().preemptive().basic("admin", "civicgrid").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().auth().preemptive().basic("admin", "civicgrid").accept("application/json").when().get("/q/openapi").then()
                .statusCode(200).body(containsString("/api/departments"));
        for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            given().redirects().follow(false).when().get(path).then().statusCode(401);
            given().redirects().follow(false).auth().preemptive().basic("dispatcher", "civicgrid").when().get(path).then().statusCode(403);
        }
    }
}
