package org.civicgrid.sync;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civicgrid.testsupport.Await;
import org.civicgrid.testsupport.GpsJpeg;
import org.junit.jupiter.api.Test;

/**
 * Two packaged appliances on loopback: an edge ({@code target/quarkus-app}, SQLite) and a hub (the hub build,
 * {@code target/hub-app} — made in {@code package} by the pom's {@code hub-app} execution — on PostgreSQL at
 * 127.0.0.1:5432, database {@code test}, in a schema of its own that is dropped afterwards). Cases are made and
 * moved on the edge while the hub is down; the hub starts and the backlog drains one small batch per second; the
 * edge is killed with {@code kill -9} in the middle of the drain and restarted — every event reaches the hub exactly
 * once, every case with its full history and its photo.
 */
class SyncCrashIT {

    private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
    private final Path dir = Path.of("target", "sync-crash-it", run).toAbsolutePath();
    private final List<Process> started = new ArrayList<>();
    static final String PG_URL = System.getProperty("civicgrid.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("civicgrid.test.pg-user", "postgres");
    private final String schema = "sync_crash_" + run;

    @Test
    void backlogMadeWhileTheHubIsDownDrainsExactlyOnceThroughAKill() throws Exception {
        try {
            int hubPort = freePort();
            int edgePort = freePort();
            String edgeSite = "edge-" + run;
            Process edge = start("edge", edgePort, edgeSite, "-Dcivicgrid.hub.url=http://127.0.0.1:" + hubPort, "-Dcivicgrid.hub.token=not-yet");
            List<Long> cases = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long id = report(edgePort, "inspector", "INSPECTOR");
                as(edgePort, "inspector").contentType("multipart/form-data").multiPart("file", "after.jpg", GpsJpeg.plain(), "image/jpeg")
                        .multiPart("phase", "AFTER").when().post("/api/cases/" + id + "/attachments").then().statusCode(201);
                as(edgePort, "inspector").body(Map.of("classCode", "incident:0110", "note", "已清理")).when()
                        .post("/api/cases/" + id + "/actions/selfHandle").then().statusCode(200);
                as(edgePort, "shiftlead").body(Map.of()).when().post("/api/cases/" + id + "/actions/close").then().statusCode(200);
                cases.add(id);
            }
            for (int i = 0; i < 20; i++) {
                cases.add(report(edgePort, "acceptor", "HOTLINE"));
            }
            Await.until("the edge notices the hub is down", Duration.ofMinutes(2),
                    () -> as(edgePort, "admin").when().get("/api/sync/status").then().extract().<Integer>path("failures") > 0);

            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, null); Statement st = c.createStatement()) {
                st.execute("create schema " + schema);
            }
            start("hub", hubPort, "hub-" + run, "-Dquarkus.profile=hub", "-Dquarkus.datasource.jdbc.url=" + PG_URL + "?currentSchema=" + schema,
                    "-Dquarkus.datasource.username=" + PG_USER, "-Dquarkus.flyway.schemas=" + schema);
            String token = as(hubPort, "admin").body(Map.of("siteId", edgeSite, "name", "测试镇")).when().post("/api/hub/sites").then()
                    .statusCode(201).extract().path("token");
            as(edgePort, "admin").body(Map.of("url", "http://127.0.0.1:" + hubPort, "token", token)).when().put("/api/sync/hub").then()
                    .statusCode(200);
            long total = number("edge", "select count(*) from outbox_entry where site_id = '" + edgeSite + "'");
            Await.until("the hub has part of the backlog", Duration.ofMinutes(2), () -> received(hubPort, edgeSite) > 0);
            long before = received(hubPort, edgeSite);
            assertTrue(before < total, "killed in the middle: " + before + " of " + total);
            edge.destroyForcibly().waitFor(); // kill -9
            started.remove(edge);

            start("edge-again", edgePort, edgeSite, "-Dcivicgrid.hub.url=http://127.0.0.1:" + hubPort, "-Dcivicgrid.hub.token=not-yet");
            Await.until("the backlog drains after the restart", Duration.ofMinutes(3),
                    () -> as(edgePort, "admin").when().get("/api/sync/status").then().extract().<Integer>path("backlog") == 0);

            // counted again: the relay also gave each photo an attachment.added event as it went
            total = number("edge", "select count(*) from outbox_entry where site_id = '" + edgeSite + "'");
            assertEquals(total, number("edge", "select count(*) from outbox_entry where sent_at is not null"));
            Map<String, Object> site = site(hubPort, edgeSite);
            assertEquals(total, ((Number) site.get("ackedSeq")).longValue());
            assertEquals(total, ((Number) site.get("eventsReceived")).longValue(), "every event stored exactly once");
            assertEquals(total, number("hub", "select count(distinct event_id) from hub_event where site_id = '" + edgeSite + "'"));
            String ids = cases.stream().map(String::valueOf).collect(Collectors.joining(","));
            assertEquals(number("edge", "select count(*) from case_transition where case_id in (" + ids + ")"),
                    number("hub", "select count(*) from hub_case_history where site_id = '" + edgeSite + "' and edge_case_id in (" + ids + ")"));
            assertEquals(cases.size(), number("hub", "select count(*) from hub_case where site_id = '" + edgeSite + "' and edge_case_id in (" + ids + ")"));
            assertEquals(8, number("hub", "select count(*) from hub_case where site_id = '" + edgeSite + "' and stage = 'CLOSED' and edge_case_id in (" + ids + ")"));
            assertEquals(8, number("hub", "select count(*) from hub_attachment where site_id = '" + edgeSite + "' and edge_case_id in (" + ids + ")"));
            assertEquals(1, number("hub", "select count(*) from hub_blob"), "the same photo is kept once");
        } finally {
            for (Process p : started) {
                p.destroy();
                p.waitFor();
            }
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, null); Statement st = c.createStatement()) {
                st.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private Process start(String name, int port, String siteId, String... extra) throws Exception {
        Path data = dir.resolve(name.startsWith("edge") ? "edge" : "hub");
        Files.createDirectories(data);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + port, "-Dcivicgrid.data-dir=" + data, "-Dcivicgrid.site-id=" + siteId,
                "-Dcivicgrid.mqtt.enabled=false", "-Dcivicgrid.demo-data.history=false", "-Dcivicgrid.mqtt.embedded=false", "-Dcivicgrid.cases.auto-urge=false",
                "-Dcivicgrid.camera.events=false", "-Dcivicgrid.camera.health-check=false",
                // the first start seeds the catalogue in one transaction: on a loaded box that can outlast the default 60 s
                "-Dquarkus.transaction-manager.default-transaction-timeout=600s",
                // one batch of three events per second: the drain takes long enough to be killed in its middle
                "-Dcivicgrid.hub.interval=1s", "-Dcivicgrid.hub.batch-size=3", "-Dcivicgrid.hub.run-budget=1ms",
                "-Dcivicgrid.hub.backoff-min=1s", "-Dcivicgrid.hub.backoff-max=2s"));
        command.addAll(List.of(extra));
        Path jar = Path.of(name.startsWith("edge") ? "target/quarkus-app" : "target/hub-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: run this IT after `package` (the pom's hub-app execution builds the hub)");
        }
        command.addAll(List.of("-jar", jar.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(dir.toFile(), name + ".log")).start();
        started.add(p);
        // generous: a first start seeds the catalogue and the demo county (on PostgreSQL for the hub); at load 40 that took 4 min
        Await.until(name + " ready", Duration.ofMinutes(8), () -> {
            if (!p.isAlive()) {
                throw new AssertionError(name + " stopped, see " + dir.resolve(name + ".log"));
            }
            try {
                return given().baseUri("http://127.0.0.1:" + port).when().get("/q/health/ready").then().extract().statusCode() == 200;
            } catch (Exception notYet) { // RestAssured throws ConnectException unchecked-ly while the app starts
                return false;
            }
        });
        return p;
    }

    private static RequestSpecification as(int port, String user) {
        return given().baseUri("http://127.0.0.1:" + port).auth().preemptive().basic(user, "civicgrid").contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static long report(int port, String user, String source) {
        return ((Number) as(port, user).body(Map.of("source", source, "description", "断网期间上报：井盖破损", "lat", 35.66, "lon", 117.26,
                "classCode", "incident:0110")).when().post("/api/cases").then().statusCode(201).extract().path("id")).longValue();
    }

    private static Map<String, Object> site(int hubPort, String siteId) {
        List<Map<String, Object>> sites = as(hubPort, "admin").when().get("/api/hub/sites").then().statusCode(200).extract().jsonPath()
                .getList("$");
        return sites.stream().filter(s -> siteId.equals(s.get("siteId"))).findFirst().orElse(Map.of());
    }

    private static long received(int hubPort, String siteId) {
        Object n = site(hubPort, siteId).get("eventsReceived");
        return n == null ? 0 : ((Number) n).longValue();
    }

    private long number(String which, String sql) throws Exception {
        try (Connection c = which.equals("hub") ? DriverManager.getConnection(PG_URL + "?currentSchema=" + schema, PG_USER, null)
                : DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(which).resolve("civicgrid.db") + "?busy_timeout=5000");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
